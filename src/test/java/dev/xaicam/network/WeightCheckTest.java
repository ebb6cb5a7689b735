package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Weight checks: every mismatch is one setup error naming the layer, role and both shapes. */
class WeightCheckTest {
  /** The branching test graph (c0: 3x3x2x3, c1: 3x3x3x3, c2: 1x1x3x3, out: 27x4). */
  private final ModelGraph graph = ModelGraph.of(TestGraphs.branching("softmax", 4));

  @Test
  void fittingWeightsPass() {
    assertThatCode(() -> WeightCheck.check(graph, weights(Map.of()))).doesNotThrowAnyException();
  }

  @Test
  void aMisshapenWeightNamesLayerRoleAndShapes() {
    ModelWeights bad = weights(Map.of("c1", List.of(array(3, 3, 2, 3), array(3))));
    assertThatThrownBy(() -> WeightCheck.check(graph, bad)).isInstanceOf(XaiCamException.class)
        .hasMessage("weights: layer 'c1' (Conv2D) kernel has shape (3, 3, 2, 3) but branching"
            + " expects (3, 3, 3, 3)");
  }

  @Test
  void missingLayersAndWrongCountsAreNamed() {
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>(weights(Map.of()).byLayer());
    byLayer.remove("c2");
    assertThatThrownBy(() -> WeightCheck.check(graph, new ModelWeights(byLayer)))
        .isInstanceOf(XaiCamException.class)
        .hasMessage("weights: layer 'c2' (Conv2D) is missing; the weights do not fit branching");
    ModelWeights oneArray = weights(Map.of("out", List.of(array(27, 4))));
    assertThatThrownBy(() -> WeightCheck.check(graph, oneArray)).isInstanceOf(XaiCamException.class)
        .hasMessage("weights: layer 'out' (Dense) has 1 arrays but branching expects 2"
            + " (kernel, bias)");
    ModelWeights onPool = weights(Map.of("pool", List.of(array(2))));
    assertThatThrownBy(() -> WeightCheck.check(graph, onPool)).isInstanceOf(XaiCamException.class)
        .hasMessage("weights: layer 'pool' (MaxPooling2D) has 1 arrays but branching expects none");
  }

  /** Zero weights of the right shapes for every layer, with {@code overrides} replacing some. */
  private ModelWeights weights(Map<String, List<WeightArray>> overrides) {
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    graph.weightShapes().forEach((layer, shapes) -> byLayer.put(layer,
        shapes.stream().map(WeightCheckTest::array).toList()));
    byLayer.putAll(overrides);
    return new ModelWeights(byLayer);
  }

  /** Zeros of {@code shape}. */
  private static WeightArray array(int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return new WeightArray(shape, new float[n]);
  }
}
