package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.architectures.GlorotWeights;
import dev.xaicam.cam.AblationScorer;
import dev.xaicam.engine.TensorRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ablation scores against an independent answer: zeroing channel k of a relu convolution's output
 * is the same as zeroing that filter's kernel and bias, so a whole forward pass of a network with
 * those weights zeroed gives the score the scorer must return.
 */
@Tag("native")
class GraphAblationScorerTest {
  /** The branching graph: c1 feeds Add alongside c0 and c2, which the scorer must read as given. */
  private final ModelGraph graph = ModelGraph.of(TestGraphs.branching("softmax", 4));

  @Test
  void scoresEqualAWholeForwardPassWithTheFilterZeroed() {
    float[] x = GraphNetworkTest.floats(LayerGradientCheck.random(7, 2 * graph.inputSize()));
    float[] second = java.util.Arrays.copyOfRange(x, graph.inputSize(), x.length);
    Map<String, List<WeightArray>> weights = weights(11);
    double[] scores;
    double unablated;
    try (GraphNetwork network = network(weights);
        GraphPass pass = network.forward(x, 2, graph.target("c1"))) {
      // batches of 2 channels: the three channels go in two calls of the network
      AblationScorer scorer = pass.ablationScorer(1, 2, 2);
      assertThat(scorer.batchSize()).isEqualTo(2);
      scores = scorer.scores(new int[] {2, 0, 1});
      unablated = pass.scores()[1][2];
      assertThatThrownBy(() -> scorer.scores(new int[] {3}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("channel must be in [0, 3), got 3");
    }
    int[] order = {2, 0, 1};
    for (int j = 0; j < 3; j++) {
      try (GraphNetwork zeroed = network(withFilterZeroed(weights, "c1", order[j]));
          GraphPass pass = zeroed.forward(second, 1, graph.target("c1"))) {
        double expected = pass.scores()[0][2];
        assertThat(scores[j]).isCloseTo(expected, within(1e-12));
      }
    }
    // the ablation changes something: not every score is the unablated one
    assertThat(java.util.Arrays.stream(scores).map(s -> Math.abs(s - unablated)).max()
        .orElseThrow()).isGreaterThan(1e-6);
  }

  /** Glorot kernels and random biases, as the other graph tests use. */
  private Map<String, List<WeightArray>> weights(long seed) {
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    GlorotWeights.of(graph, seed).byLayer().forEach((layer, arrays) -> byLayer.put(layer,
        arrays.stream().map(a -> a.shape().length == 1
            ? new WeightArray(a.shape(),
                GraphNetworkTest.floats(LayerGradientCheck.random(seed + 1, a.values().length)))
            : a).toList()));
    return byLayer;
  }

  /** A float64 network on the given weights. */
  private GraphNetwork network(Map<String, List<WeightArray>> weights) {
    return GraphNetwork.create(graph, new ModelWeights(weights), TensorRuntime.shared(),
        Precision.FLOAT64);
  }

  /** The weights with output filter {@code k} of convolution {@code layer} set to zero. */
  private static Map<String, List<WeightArray>> withFilterZeroed(
      Map<String, List<WeightArray>> weights, String layer, int k) {
    Map<String, List<WeightArray>> copy = new LinkedHashMap<>(weights);
    List<WeightArray> zeroed = new ArrayList<>();
    for (WeightArray w : weights.get(layer)) {
      float[] v = w.values().clone();
      int filters = w.shape()[w.shape().length - 1];
      for (int i = k; i < v.length; i += filters) {
        v[i] = 0;
      }
      zeroed.add(new WeightArray(w.shape(), v));
    }
    copy.put(layer, zeroed);
    return copy;
  }
}
