package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.cam.LayerSignal;
import dev.xaicam.engine.TensorRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A pass's signals, activations and training gradients, checked against the pass's own parts. */
@Tag("native")
class GraphPassTest {
  /** The branching test graph with a softmax head over 4 classes. */
  private final ModelGraph graph = ModelGraph.of(TestGraphs.branching("softmax", 4));

  @Test
  void signalsCarryTargetActivationsGradientsAndScores() {
    float[] x = GraphNetworkTest.floats(LayerGradientCheck.random(1, 2 * graph.inputSize()));
    try (GraphNetwork network = GraphNetworkTest.create(graph, 2);
        GraphPass pass = network.forward(x, 2, graph.target("add"))) {
      List<LayerSignal> signals = pass.signals(new int[] {3, 0});
      double[][] a = pass.targetActivations();
      double[][] g = pass.targetGradients(new int[] {3, 0});
      LayerSignal second = signals.get(1);
      assertThat(second.height()).isEqualTo(6);
      assertThat(second.channels()).isEqualTo(3);
      assertThat(second.activations()).containsExactly(a[1]);
      assertThat(second.gradients()).containsExactly(g[1]);
      assertThat(second.targetLogit()).isEqualTo(pass.logits()[1][0]);
      LayerSignal plain = pass.activations(0, 3);
      assertThat(plain.hasGradients()).isFalse();
      assertThat(plain.activations()).containsExactly(signals.get(0).activations());
      float[][] p = pass.probabilities();
      assertThat(p[0][0] + p[0][1] + p[0][2] + p[0][3]).isCloseTo(1f, within(1e-6f));
      assertThatThrownBy(() -> pass.signals(new int[] {1}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("need one target class per image: 2 images, got 1 classes");
      assertThatThrownBy(() -> pass.activations(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aFloat64PassKeepsItsPrecisionThroughGradCamPlusPlus() {
    float[] x = GraphNetworkTest.floats(LayerGradientCheck.random(8, graph.inputSize()));
    try (GraphNetwork network = GraphNetworkTest.create(graph, 3);
        GraphPass pass = network.forward(x, 1, graph.target("add"))) {
      int cls = 2;
      LayerSignal signal = pass.signals(new int[] {cls}).get(0);
      float[] map = dev.xaicam.cam.CamComputation.compute(
          dev.xaicam.cam.CamMethods.create("gradcam++", dev.xaicam.cam.CamOptions.defaults()),
          dev.xaicam.cam.CamInputs.of(signal), 6, 6).values();
      double[] expected = gradCamPlusPlus(pass.targetActivations()[0],
          pass.targetGradients(new int[] {cls})[0], pass.scores()[0][cls], 3);
      // float32 rounding of A or dS/dA alone would move the map by about 1e-7
      for (int i = 0; i < expected.length; i++) {
        assertThat((double) map[i]).isCloseTo(expected[i], within(1e-7));
      }
    }
  }

  /**
   * Grad-CAM++ literally as tf-keras-vis computes it in float64 (exp(S) factors included), at the
   * layer's own size: ReLU, then (m - min) / (max - min + 1e-7). The heatmap's values are float, so
   * the comparison is to float rounding of values in [0, 1].
   */
  private static double[] gradCamPlusPlus(double[] a, double[] g, double score, int channels) {
    double e = Math.exp(score);
    double[] global = new double[channels];
    for (int i = 0; i < a.length; i++) {
      global[i % channels] += a[i];
    }
    double[] alpha = new double[a.length];
    double[] alphaSum = new double[channels];
    for (int i = 0; i < a.length; i++) {
      double second = e * g[i] * g[i];
      double third = e * g[i] * g[i] * g[i];
      alpha[i] = second / (2 * second + third * global[i % channels] + (second == 0 ? 1 : 0));
      alphaSum[i % channels] += alpha[i];
    }
    double[] w = new double[channels];
    for (int i = 0; i < a.length; i++) {
      double norm = alphaSum[i % channels] == 0 ? 1 : alphaSum[i % channels];
      w[i % channels] += alpha[i] / norm * Math.max(e * g[i], 0);
    }
    double[] map = new double[a.length / channels];
    for (int i = 0; i < a.length; i++) {
      map[i / channels] += w[i % channels] * a[i];
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < map.length; p++) {
      map[p] = Math.max(map[p], 0);
      min = Math.min(min, map[p]);
      max = Math.max(max, map[p]);
    }
    for (int p = 0; p < map.length; p++) {
      map[p] = (map[p] - min) / (max - min + 1e-7);
    }
    return map;
  }

  @Test
  void aPassToTheInputServesLayerAndInputGradients() {
    float[] x = GraphNetworkTest.floats(LayerGradientCheck.random(2, 2 * graph.inputSize()));
    try (GraphNetwork network = GraphNetworkTest.create(graph, 2)) {
      float[][] expected = network.inputGradients(x, 2, new int[] {1, 3});
      double[][] layer;
      try (GraphPass pass = network.forward(x, 2, graph.target("add"))) {
        layer = pass.targetGradients(new int[] {1, 3});
        assertThatThrownBy(() -> pass.inputGradients(new int[] {1, 3}, BackwardMode.PLAIN))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("not the input");
      }
      try (GraphPass pass = network.forward(x, 2, graph.target("add"), true)) {
        assertThat(pass.targetGradients(new int[] {1, 3})).isDeepEqualTo(layer);
        var input = pass.inputGradients(new int[] {1, 3}, BackwardMode.PLAIN);
        assertThat(input.get(0).values()).containsExactly(expected[0]);
        assertThat(input.get(1).values()).containsExactly(expected[1]);
      }
    }
  }

  @Test
  void weightGradientsMatchFiniteDifferencesOfTheWholeGraph() {
    float[] x = GraphNetworkTest.floats(LayerGradientCheck.random(3, 2 * graph.inputSize()));
    double[][] u = {LayerGradientCheck.random(4, 4), LayerGradientCheck.random(5, 4)};
    ModelWeights gradients;
    ModelWeights weights;
    try (GraphNetwork network = GraphNetworkTest.create(graph, 6)) {
      weights = weightsOf(network, 6);
      try (GraphPass pass = network.forward(x, 2, graph.inputTarget())) {
        gradients = pass.weightGradients(u);
      }
      try (GraphPass pass = network.forward(x, 2, graph.defaultTarget())) {
        assertThatThrownBy(() -> pass.weightGradients(u)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("need a pass to the input");
      }
    }
    assertThat(gradients.byLayer().keySet()).containsExactlyElementsOf(weights.byLayer().keySet());
    // a float32 step of 1e-3 along random directions: weights are float32 arrays
    double h = 1e-3;
    Map<String, List<WeightArray>> plus = new LinkedHashMap<>();
    Map<String, List<WeightArray>> minus = new LinkedHashMap<>();
    double predicted = 0;
    long seed = 100;
    for (Map.Entry<String, List<WeightArray>> e : weights.byLayer().entrySet()) {
      List<WeightArray> p = new java.util.ArrayList<>();
      List<WeightArray> m = new java.util.ArrayList<>();
      for (int k = 0; k < e.getValue().size(); k++) {
        WeightArray w = e.getValue().get(k);
        float[] direction = GraphNetworkTest.floats(LayerGradientCheck.random(seed++, w.values().length));
        float[] wp = w.values().clone();
        float[] wm = w.values().clone();
        for (int i = 0; i < wp.length; i++) {
          wp[i] += (float) (h * direction[i]);
          wm[i] -= (float) (h * direction[i]);
          predicted += gradients.of(e.getKey()).get(k).values()[i] * ((double) wp[i] - wm[i]) / 2;
        }
        p.add(new WeightArray(w.shape(), wp));
        m.add(new WeightArray(w.shape(), wm));
      }
      plus.put(e.getKey(), p);
      minus.put(e.getKey(), m);
    }
    double actual = (loss(new ModelWeights(plus), x, u) - loss(new ModelWeights(minus), x, u)) / 2;
    assertThat(Math.abs(actual)).isGreaterThan(1e-4);
    assertThat(predicted).isCloseTo(actual, within(1e-4 * Math.abs(actual)));
  }

  /** L = sum_b <u_b, logits_b> of the batch under {@code weights}. */
  private double loss(ModelWeights weights, float[] x, double[][] u) {
    try (GraphNetwork network = GraphNetwork.create(graph, weights, TensorRuntime.shared(),
        Precision.FLOAT64); GraphPass pass = network.forward(x, 2, graph.defaultTarget())) {
      double[][] logits = pass.logits();
      return LayerGradientCheck.dot(logits[0], u[0]) + LayerGradientCheck.dot(logits[1], u[1]);
    }
  }

  /** The weights {@link GraphNetworkTest#create} gave the network. */
  private ModelWeights weightsOf(GraphNetwork network, long seed) {
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    dev.xaicam.architectures.GlorotWeights.of(graph, seed).byLayer().forEach((layer, arrays) ->
        byLayer.put(layer, arrays.stream().map(a -> a.shape().length == 1
            ? new WeightArray(a.shape(),
                GraphNetworkTest.floats(LayerGradientCheck.random(seed + 1, a.values().length)))
            : a).toList()));
    return new ModelWeights(byLayer);
  }
}
