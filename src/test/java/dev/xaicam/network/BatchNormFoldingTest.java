package dev.xaicam.network;

import static dev.xaicam.network.TestGraphs.input;
import static dev.xaicam.network.TestGraphs.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.TensorRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** BatchNormalization folded into the convolution before it: which pairs, and exactness. */
class BatchNormFoldingTest {
  /** Relative and absolute tolerance of folded against unfolded results in float64. */
  private static final double TOLERANCE = 1e-5;

  /**
   * A graph on 8x8x3 images with every case: a stored-statistics Normalization (scalar count);
   * a bias-free conv, a depthwise conv (BN without gamma) and a separable conv (BN without beta),
   * each feeding only its BN (folded); a conv feeding its BN and an Add (not folded: two
   * consumers); a relu conv before a BN (not folded: activation); pooling and a softmax head.
   */
  private static GraphSpec spec() {
    String conv = "{\"filters\":4,\"kernel_size\":3,\"padding\":\"same\",\"use_bias\":false}";
    return new GraphSpec("folding", List.of(
        node("in", "InputLayer", input(8, 8, 3)),
        node("norm", "Normalization", "{\"axis\":-1}", "in"),
        node("c1", "Conv2D", conv, "norm"),
        node("bn1", "BatchNormalization", "{\"epsilon\":0.001}", "c1"),
        node("r1", "ReLU", "{}", "bn1"),
        node("dw", "DepthwiseConv2D", "{\"kernel_size\":3,\"strides\":2,\"depth_multiplier\":2}",
            "r1"),
        node("bn2", "BatchNormalization", "{\"scale\":false,\"epsilon\":1.001e-5}", "dw"),
        node("sep", "SeparableConv2D", "{\"filters\":5,\"kernel_size\":3,\"padding\":\"same\","
            + "\"use_bias\":false}", "bn2"),
        node("bn3", "BatchNormalization", "{\"center\":false}", "sep"),
        node("shared", "Conv2D", "{\"filters\":5,\"kernel_size\":1}", "bn3"),
        node("bn4", "BatchNormalization", "{}", "shared"),
        node("add", "Add", "{}", "shared", "bn4"),
        node("c5", "Conv2D", "{\"filters\":6,\"kernel_size\":3,\"padding\":\"same\","
            + "\"activation\":\"relu\"}", "add"),
        node("bn5", "BatchNormalization", "{}", "c5"),
        node("gap", "GlobalAveragePooling2D", "{}", "bn5"),
        node("out", "Dense", "{\"units\":3,\"activation\":\"softmax\"}", "gap")), "out");
  }

  /** Random weights with positive variances and gammas away from zero. */
  private static ModelWeights randomWeights(ModelGraph graph, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    Map<String, List<String>> roles = graph.weightRoles();
    graph.weightShapes().forEach((layer, shapes) -> {
      List<WeightArray> arrays = new ArrayList<>();
      for (int w = 0; w < shapes.size(); w++) {
        int[] shape = shapes.get(w);
        String role = roles.get(layer).get(w);
        int n = 1;
        for (int d : shape) {
          n *= d;
        }
        float[] values = new float[n];
        for (int v = 0; v < n; v++) {
          values[v] = (float) (role.contains("variance") ? random.nextDouble(0.5, 2)
              : role.equals("gamma") ? random.nextDouble(0.5, 1.5)
              : role.equals("count") ? 10 : random.nextDouble(-0.5, 0.5));
        }
        arrays.add(new WeightArray(shape, values));
      }
      byLayer.put(layer, arrays);
    });
    return new ModelWeights(byLayer);
  }

  @Test
  void foldsOnlyLinearConvolutionsFeedingNothingButTheirBatchNorm() {
    ModelGraph graph = ModelGraph.of(spec());
    BatchNormFolding.Folded folded = BatchNormFolding.fold(graph, randomWeights(graph, 1));
    List<String> foldedConvs = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      if (folded.foldedConvolutions()[i]) {
        foldedConvs.add(graph.node(i).name());
      }
    }
    assertThat(foldedConvs).containsExactly("c1", "dw", "sep");
    assertThat(folded.replaced().keySet()).containsExactly("bn1", "bn2", "bn3");
    // The BN node now runs the folded convolution on the convolution's input.
    assertThat(folded.graph().node(3).className()).isEqualTo("Conv2D");
    assertThat(folded.graph().inputsOf(3)).containsExactly(1);
    assertThat(folded.graph().outputShape(3)).containsExactly(graph.outputShape(3));
    assertThat(folded.replaced().get("bn2").get(1).shape()).containsExactly(8);
    assertThat(BatchNormFolding.fold(ModelGraph.of(TestGraphs.branching("softmax", 3)),
        randomWeights(ModelGraph.of(TestGraphs.branching("softmax", 3)), 1))).isNull();
  }

  @Test
  void aFoldedBiasIsTheHandWorkedShift() {
    // One 1x1 conv (kernel 2, bias 1) into a BN (gamma 3, beta 0.5, mean 2, variance 4 - eps):
    // s = 3 / 2 = 1.5; kernel 3; bias 1.5 * (1 - 2) + 0.5 = -1.
    GraphSpec spec = new GraphSpec("one", List.of(
        node("in", "InputLayer", input(1, 1, 1)),
        node("c", "Conv2D", "{\"filters\":1,\"kernel_size\":1}", "in"),
        node("bn", "BatchNormalization", "{\"epsilon\":0.25}", "c"),
        node("gap", "GlobalAveragePooling2D", "{}", "bn"),
        node("out", "Dense", "{\"units\":2,\"activation\":\"softmax\"}", "gap")), "out");
    ModelGraph graph = ModelGraph.of(spec);
    Map<String, List<WeightArray>> w = new LinkedHashMap<>();
    w.put("c", List.of(new WeightArray(new int[] {1, 1, 1, 1}, new float[] {2}),
        new WeightArray(new int[] {1}, new float[] {1})));
    w.put("bn", List.of(one(3), one(0.5f), one(2), one(3.75f)));
    w.put("out", List.of(new WeightArray(new int[] {1, 2}, new float[] {1, -1}),
        new WeightArray(new int[] {2}, new float[] {0, 0})));
    List<BatchNormFolding.Exact> folded = BatchNormFolding.fold(graph, new ModelWeights(w))
        .replaced().get("bn");
    assertThat(folded.get(0).values()).containsExactly(3);
    assertThat(folded.get(1).values()).containsExactly(-1);
  }

  @Test
  void aScaledKernelIsExactInDoublesAndRoundedOnceInFloats() {
    // a 1x1 kernel, 2 inputs x 3 outputs, read from a memory-mapped buffer as the weight cache does
    float[] kernel = {1.1f, 2.2f, 3.3f, -4.4f, 5.5f, 6.6f};
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocateDirect(kernel.length * 4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(kernel);
    WeightArray mapped = WeightArray.mapped(new int[] {1, 1, 2, 3}, bytes);
    double[] scale = {0.1, 1.0 / 3, 7};

    BatchNormFolding.Exact exact = BatchNormFolding.Exact.scaled(mapped, scale);

    double[] expected = new double[kernel.length];
    float[] rounded = new float[kernel.length];
    for (int i = 0; i < kernel.length; i++) {
      expected[i] = (double) kernel[i] * scale[i % 3];
      rounded[i] = (float) expected[i];
    }
    assertThat(exact.shape()).containsExactly(1, 1, 2, 3);
    assertThat(exact.values()).containsExactly(expected);
    assertThat(exact.floats()).containsExactly(rounded);
    assertThat(BatchNormFolding.Exact.scaled(mapped, null).floats()).containsExactly(kernel);
    assertThat(BatchNormFolding.Exact.of(new int[] {2}, new double[] {0.1, -2}).floats())
        .containsExactly(0.1f, -2f);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> BatchNormFolding.Exact.scaled(mapped, new double[4]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("6 kernel values are not a whole number of 4 output channels");
  }

  @Test
  @Tag("native")
  void foldedAndUnfoldedNetworksAgreeEverywhere() {
    ModelGraph graph = ModelGraph.of(spec());
    ModelWeights weights = randomWeights(graph, 7);
    SplittableRandom random = new SplittableRandom(8);
    float[] images = new float[2 * graph.inputSize()];
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextDouble(0, 255);
    }
    int[] classes = {0, 2};
    try (GraphNetwork folded = GraphNetwork.create(graph, weights, TensorRuntime.shared(),
            Precision.FLOAT64, true);
        GraphNetwork plain = GraphNetwork.create(graph, weights, TensorRuntime.shared(),
            Precision.FLOAT64, false)) {
      assertThat(folded.graph().layers()).isEqualTo(ModelGraph.of(spec()).layers());
      assertThat(folded.graph().defaultTarget().name()).isEqualTo("bn5");
      assertClose(folded.exactProbabilities(images, 2), plain.exactProbabilities(images, 2));
      // A folded BN's name, a folded conv's (run unfolded), an unfolded pair and the default.
      for (String layer : new String[] {"bn1", "bn3", "c1", "sep", "bn4", "add", "bn5"}) {
        TargetNode target = graph.target(layer);
        try (GraphPass a = folded.forward(images, 2, target);
            GraphPass b = plain.forward(images, 2, target)) {
          assertClose(a.targetActivations(), b.targetActivations());
          assertClose(a.targetGradients(classes), b.targetGradients(classes));
          assertClose(a.logits(), b.logits());
        }
      }
      assertClose(toDoubles(folded.inputGradients(images, 2, classes)),
          toDoubles(plain.inputGradients(images, 2, classes)));
    }
  }

  /** A one-element weight. */
  private static WeightArray one(float v) {
    return new WeightArray(new int[] {1}, new float[] {v});
  }

  /** Rows widened to doubles. */
  private static double[][] toDoubles(float[][] rows) {
    double[][] out = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      out[r] = new double[rows[r].length];
      for (int i = 0; i < rows[r].length; i++) {
        out[r][i] = rows[r][i];
      }
    }
    return out;
  }

  /** Equal within {@link #TOLERANCE}, relative to the larger magnitude or absolute below 1. */
  private static void assertClose(double[][] actual, double[][] expected) {
    assertThat(actual.length).isEqualTo(expected.length);
    for (int r = 0; r < actual.length; r++) {
      assertThat(actual[r].length).isEqualTo(expected[r].length);
      for (int i = 0; i < actual[r].length; i++) {
        double scale = Math.max(1, Math.max(Math.abs(actual[r][i]), Math.abs(expected[r][i])));
        assertThat(Math.abs(actual[r][i] - expected[r][i]) / scale)
            .as("row %d element %d: %s vs %s", r, i, actual[r][i], expected[r][i])
            .isLessThanOrEqualTo(TOLERANCE);
      }
    }
  }
}
