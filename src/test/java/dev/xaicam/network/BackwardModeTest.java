package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.engine.TensorRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guided backpropagation against a hand-worked answer, with the rectifier fused in a Conv2D, as a
 * ReLU layer and as an Activation layer.
 *
 * <p>x = (1, 2) at one pixel; a 1x1 convolution with filters (1, 1), (-1, 1), (-1, -1) gives
 * z = (3, 1, -3), y = relu(z) = (3, 1, 0); the head's class-0 logit is S = y0 - y1 + 5 y2.
 * dS/dy = (1, -1, 5). Plain: dS/dz = (1, -1, 0) (z2 < 0), dS/dx = (1 - (-1), 1 - 1) = (2, 0).
 * Guided: dS/dz = (1, 0, 0) (the negative gradient and the negative input both stopped),
 * dS/dx = (1, 1).
 */
@Tag("native")
class BackwardModeTest {

  @ParameterizedTest
  @ValueSource(strings = {"fused", "ReLU", "Activation"})
  void guidedPassesOnlyPositiveGradientsAtPositiveInputs(String rectifier) {
    ModelGraph graph = ModelGraph.of(graph(rectifier));
    try (GraphNetwork network = GraphNetwork.create(graph, weights(graph),
            TensorRuntime.shared(), Precision.FLOAT64);
        GraphPass pass = network.forward(new float[] {1, 2}, 1, graph.inputTarget())) {
      assertThat(pass.scores()[0][0]).isCloseTo(3 - 1, within(1e-12));
      float[] plain = pass.inputGradients(new int[] {0}, BackwardMode.PLAIN).get(0).values();
      float[] guided = pass.inputGradients(new int[] {0}, BackwardMode.GUIDED).get(0).values();
      assertThat(plain).containsExactly(2, 0);
      assertThat(guided).containsExactly(1, 1);
    }
  }

  /** Input 1x1x2, a 3-filter 1x1 convolution with the rectifier placed as named, a 2-unit head. */
  private static GraphSpec graph(String rectifier) {
    List<NodeSpec> nodes = new ArrayList<>();
    nodes.add(TestGraphs.node("in", "InputLayer", TestGraphs.input(1, 1, 2)));
    String fused = rectifier.equals("fused") ? "relu" : "linear";
    nodes.add(TestGraphs.node("conv", "Conv2D",
        "{\"filters\":3,\"kernel_size\":1,\"activation\":\"" + fused + "\"}", "in"));
    String last = "conv";
    if (rectifier.equals("ReLU")) {
      nodes.add(TestGraphs.node("rect", "ReLU", "{}", "conv"));
      last = "rect";
    } else if (rectifier.equals("Activation")) {
      nodes.add(TestGraphs.node("rect", "Activation", "{\"activation\":\"relu\"}", "conv"));
      last = "rect";
    }
    nodes.add(TestGraphs.node("flatten", "Flatten", "{}", last));
    nodes.add(TestGraphs.node("out", "Dense", "{\"units\":2,\"activation\":\"softmax\"}",
        "flatten"));
    return new GraphSpec("guided-" + rectifier, nodes, "out");
  }

  /** The hand-worked weights: kernel HWIO (1, 1, 2, 3), head (3, 2), zero biases. */
  private static ModelWeights weights(ModelGraph graph) {
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    for (LayerSummary layer : graph.layers()) {
      byLayer.put(layer.name(), List.of());
    }
    byLayer.put("conv", List.of(
        new WeightArray(new int[] {1, 1, 2, 3}, new float[] {1, -1, -1, 1, 1, -1}),
        new WeightArray(new int[] {3}, new float[3])));
    byLayer.put("out", List.of(
        new WeightArray(new int[] {3, 2}, new float[] {1, 0, -1, 0, 5, 0}),
        new WeightArray(new int[] {2}, new float[2])));
    return new ModelWeights(byLayer);
  }
}
