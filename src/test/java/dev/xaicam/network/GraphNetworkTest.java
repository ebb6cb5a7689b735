package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.architectures.GlorotWeights;
import dev.xaicam.architectures.Vgg16;
import dev.xaicam.cam.MaskScorer;
import dev.xaicam.engine.TensorRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The graph network end to end in float64: gradients where one tensor feeds several layers
 * (summed) against finite differences of the whole graph, output heads, memory kept by a pass,
 * Score-CAM's scorer.
 */
@Tag("native")
class GraphNetworkTest {
  /** The shared runtime. */
  private static final TensorRuntime RUNTIME = TensorRuntime.shared();
  /** Finite-difference step. */
  private static final double STEP = 1e-6;

  @Test
  void inputGradientsSumEveryBranchAndMatchFiniteDifferences() {
    ModelGraph graph = ModelGraph.of(TestGraphs.branching("softmax", 4));
    float[] x = floats(LayerGradientCheck.random(1, graph.inputSize()));
    double[] v = LayerGradientCheck.random(2, graph.inputSize());
    try (GraphNetwork network = create(graph, 3)) {
      double[] g;
      try (GraphPass pass = network.forward(x, 1, graph.inputTarget())) {
        g = pass.targetGradients(new int[] {2})[0];
      }
      double[] exact = widen(x);
      double expected = (exactScore(network, LayerGradientCheck.step(exact, STEP, v), 2)
          - exactScore(network, LayerGradientCheck.step(exact, -STEP, v), 2)) / (2 * STEP);
      assertThat(Math.abs(expected)).isGreaterThan(1e-3);
      assertThat(LayerGradientCheck.dot(g, v)).isCloseTo(expected, within(1e-6));
      float[][] viaShortcut = network.inputGradients(x, 1, new int[] {2});
      assertThat(viaShortcut[0]).containsExactly(GraphNetwork.narrow(g));
    }
  }

  @Test
  void gradientAtATensorFeedingThreeLayersIsTheSumOfItsBranches() {
    // dS/d(c0) from the full graph against finite differences of the graph above c0 alone
    GraphSpec full = TestGraphs.branching("softmax", 4);
    ModelGraph graph = ModelGraph.of(full);
    ModelWeights weights = GlorotWeights.of(graph, 4);
    List<NodeSpec> tailNodes = new java.util.ArrayList<>(full.nodes().subList(2, 8));
    tailNodes.add(0, TestGraphs.node("c0", "InputLayer", TestGraphs.input(6, 6, 3)));
    ModelGraph tail = ModelGraph.of(new GraphSpec("tail", tailNodes, "out"));
    Map<String, List<WeightArray>> tailWeights = new LinkedHashMap<>(weights.byLayer());
    tailWeights.remove("in");
    tailWeights.put("c0", List.of());
    float[] x = floats(LayerGradientCheck.random(5, graph.inputSize()));
    try (GraphNetwork network = GraphNetwork.create(graph, weights, RUNTIME, Precision.FLOAT64);
        GraphNetwork above = GraphNetwork.create(tail, new ModelWeights(tailWeights), RUNTIME,
            Precision.FLOAT64);
        GraphPass pass = network.forward(x, 1, graph.target("c0"))) {
      double[] a = pass.targetActivations()[0];
      double[] g = pass.targetGradients(new int[] {1})[0];
      double[] v = LayerGradientCheck.random(6, a.length);
      double expected = (exactScore(above, LayerGradientCheck.step(a, STEP, v), 1)
          - exactScore(above, LayerGradientCheck.step(a, -STEP, v), 1)) / (2 * STEP);
      assertThat(Math.abs(expected)).isGreaterThan(1e-3);
      assertThat(LayerGradientCheck.dot(g, v)).isCloseTo(expected, within(1e-6));
    }
  }

  @Test
  void singleSigmoidUnitScoresBothClassesByTheLogit() {
    ModelGraph graph = ModelGraph.of(TestGraphs.branching("sigmoid", 1));
    assertThat(graph.classCount()).isEqualTo(2);
    float[] x = floats(LayerGradientCheck.random(7, 2 * graph.inputSize()));
    try (GraphNetwork network = create(graph, 8);
        GraphPass pass = network.forward(x, 2, graph.defaultTarget())) {
      double z = pass.logits()[1][0];
      double p = 1 / (1 + Math.exp(-z));
      assertThat(pass.scores()[1]).containsExactly(-z, z);
      assertThat(pass.exactProbabilities()[1]).containsExactly(new double[] {1 - p, p},
          within(1e-15));
      double[] up = pass.targetGradients(new int[] {1, 1})[1];
      double[] down = pass.targetGradients(new int[] {0, 0})[1];
      assertThat(down).containsExactly(negate(up), within(0.0));
      assertThat(LayerGradientCheck.dot(up, up)).isGreaterThan(0);
    }
  }

  @Test
  void severalSigmoidUnitsAreIndependentClasses() {
    ModelGraph graph = ModelGraph.of(TestGraphs.branching("sigmoid", 3));
    float[] x = floats(LayerGradientCheck.random(9, graph.inputSize()));
    try (GraphNetwork network = create(graph, 10);
        GraphPass pass = network.forward(x, 1, graph.defaultTarget())) {
      double[] z = pass.logits()[0];
      assertThat(pass.scores()[0]).containsExactly(z);
      for (int c = 0; c < 3; c++) {
        assertThat(pass.exactProbabilities()[0][c]).isCloseTo(1 / (1 + Math.exp(-z[c])),
            within(1e-15));
      }
    }
  }

  @Test
  void aPassKeepsOnlyWhatTheBackwardPassReadsAndFreesAllOnClose() {
    ModelGraph graph = ModelGraph.of(Vgg16.spec(16, 8, 5, 32));
    float[] x = floats(LayerGradientCheck.random(11, 2 * graph.inputSize()));
    int before = RUNTIME.liveTensorCount();
    try (GraphNetwork network = create(graph, 12)) {
      int withWeights = RUNTIME.liveTensorCount();
      assertThat(withWeights - before).isEqualTo(2 * 16);
      try (GraphPass pass = network.forward(x, 2, graph.defaultTarget())) {
        // block5_conv3, block5_pool, flatten, fc1, fc2, predictions
        assertThat(RUNTIME.liveTensorCount() - withWeights).isEqualTo(6);
        pass.signals(new int[] {0, 4});
        assertThat(RUNTIME.liveTensorCount() - withWeights).isEqualTo(6);
      }
      network.probabilities(x, 2);
      assertThat(RUNTIME.liveTensorCount()).isEqualTo(withWeights);
    }
    assertThat(RUNTIME.liveTensorCount()).isEqualTo(before);
  }

  @Test
  void maskScorerReturnsTheModelsProbabilityOfEachMaskedImage() {
    ModelGraph graph = ModelGraph.of(TestGraphs.branching("softmax", 4));
    float[] image = floats(LayerGradientCheck.random(13, graph.inputSize()));
    float[][] masks = new float[3][36];
    for (int m = 0; m < 3; m++) {
      for (int p = 0; p < 36; p++) {
        masks[m][p] = (p + m) % 3 / 2f;
      }
    }
    try (GraphNetwork network = create(graph, 14)) {
      MaskScorer scorer = network.maskScorer(image, 3, 2);
      assertThat(scorer.inputHeight()).isEqualTo(6);
      assertThat(scorer.batchSize()).isEqualTo(2);
      double[] scores = scorer.score(masks);
      for (int m = 0; m < 3; m++) {
        float[] masked = new float[image.length];
        for (int i = 0; i < image.length; i++) {
          masked[i] = image[i] * masks[m][i / 2];
        }
        assertThat(scores[m]).isCloseTo(network.exactProbabilities(masked, 1)[0][3],
            within(1e-15));
      }
      assertThatThrownBy(() -> network.maskScorer(image, 4, 2))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 4");
    }
  }

  @Test
  void theMaskScorerCapsImagesPerPassByTheLargestOutput() {
    ModelGraph graph = ModelGraph.of(Vgg16.spec());
    // 224x224x64 floats = 12.8 MB per image; 128 MB holds 10 such outputs
    long perImage = 4L * graph.largestOutputPerImage();
    assertThat(perImage).isEqualTo(4L * 224 * 224 * 64);
    assertThat(GraphMaskScorer.ACTIVATION_BUDGET_BYTES / perImage).isEqualTo(10);
  }

  @Test
  void refusesBatchesAndTargetsThatDoNotFit() {
    ModelGraph graph = ModelGraph.of(TestGraphs.branching("softmax", 4));
    ModelGraph other = ModelGraph.of(Vgg16.spec(16, 8, 5, 32));
    try (GraphNetwork network = create(graph, 15)) {
      assertThatThrownBy(() -> network.forward(new float[5], 1, graph.defaultTarget()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("inputs must hold 1 x 6x6x2 = 72 floats, got 5");
      assertThatThrownBy(() -> network.forward(new float[72], 1, other.defaultTarget()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a layer of");
    }
  }

  /** A float64 network over Glorot weights with random biases. */
  static GraphNetwork create(ModelGraph graph, long seed) {
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    GlorotWeights.of(graph, seed).byLayer().forEach((layer, arrays) -> byLayer.put(layer,
        arrays.stream().map(a -> a.shape().length == 1
            ? new WeightArray(a.shape(), floats(LayerGradientCheck.random(seed + 1, a.values().length)))
            : a).toList()));
    return GraphNetwork.create(graph, new ModelWeights(byLayer), RUNTIME, Precision.FLOAT64);
  }

  /** The score of {@code cls} for one image given in double precision (a float64 network). */
  private static double exactScore(GraphNetwork network, double[] x, int cls) {
    try (var scope = network.openWorkScope()) {
      return network.graph().head().scores(network.logits(scope,
          scope.fromDoubles(x, SpatialConfig.batched(1, network.graph().inputShape())), 1)[0])[cls];
    }
  }

  /** The floats as doubles. */
  private static double[] widen(float[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i];
    }
    return out;
  }

  /** The values as floats. */
  static float[] floats(double[] values) {
    return GraphNetwork.narrow(values);
  }

  /** -v. */
  private static double[] negate(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = -v[i];
    }
    return out;
  }
}
