package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SeparableConv2D: shapes, weights, config errors, a hand-worked value and its backward. */
class SeparableConv2DLayerTest {

  @Test
  void outputShapeAndWeights() {
    Layer layer = LayerGradientCheck.layer("SeparableConv2D", "{\"filters\": 4, "
        + "\"kernel_size\": [3, 3], \"strides\": [2, 2], \"padding\": \"same\", "
        + "\"depth_multiplier\": 2}", new int[] {8, 8, 3});
    assertThat(layer.outputShape()).containsExactly(4, 4, 4);
    assertThat(layer.weights()).containsExactly(
        new WeightSpec("depthwise_kernel", new int[] {3, 3, 3, 2}),
        new WeightSpec("pointwise_kernel", new int[] {1, 1, 6, 4}),
        new WeightSpec("bias", new int[] {4}));
    Layer noBias = LayerGradientCheck.layer("SeparableConv2D",
        "{\"filters\": 1, \"kernel_size\": 3, \"use_bias\": false}", new int[] {8, 8, 3});
    assertThat(noBias.outputShape()).containsExactly(6, 6, 1);
    assertThat(noBias.weights()).hasSize(2);
  }

  @Test
  void configErrors() {
    assertThatThrownBy(() -> LayerGradientCheck.layer("SeparableConv2D", "{\"kernel_size\": 3}",
        new int[] {5, 5, 1})).hasMessageContaining("'filters' is missing");
    assertThatThrownBy(() -> LayerGradientCheck.layer("SeparableConv2D",
        "{\"kernel_size\": 3, \"filters\": 0}", new int[] {5, 5, 1}))
        .hasMessageContaining("'filters' must be positive");
    assertThatThrownBy(() -> LayerGradientCheck.layer("SeparableConv2D",
        "{\"kernel_size\": 3, \"filters\": 2}", new int[] {5, 5}))
        .hasMessageContaining("(H, W, C)");
  }

  @Test
  @Tag("native")
  void depthwiseThenPointwiseThenBias() {
    Layer layer = LayerGradientCheck.layer("SeparableConv2D",
        "{\"filters\": 2, \"kernel_size\": 1}", new int[] {1, 1, 2});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      // Depthwise (1,1,2,1) [2, 3] turns pixel (1, 2) into (2, 6); pointwise (1,1,2,2)
      // [[1, -1], [10, 1]] gives (2 + 60, -2 + 6) = (62, 4); bias (1, 0.5) gives (63, 4.5).
      double[] y = layer.forward(s, List.of(s.fromDoubles(new double[] {1, 2}, 1, 1, 1, 2)),
          List.of(s.fromDoubles(new double[] {2, 3}, 1, 1, 2, 1),
              s.fromDoubles(new double[] {1, -1, 10, 1}, 1, 1, 2, 2),
              s.fromDoubles(new double[] {1, 0.5}, 2))).toDoubles();
      assertThat(y).containsExactly(63, 4.5);
    }
  }

  @Test
  @Tag("native")
  void backwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer strided = LayerGradientCheck.layer("SeparableConv2D", "{\"filters\": 3, "
          + "\"kernel_size\": 3, \"strides\": 2, \"padding\": \"same\", \"depth_multiplier\": 2}",
          new int[] {5, 5, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, strided,
          LayerGradientCheck.randomWeights(s, strided, 3), 21, new int[] {2, 5, 5, 2});
      Layer dilated = LayerGradientCheck.layer("SeparableConv2D", "{\"filters\": 2, "
          + "\"kernel_size\": 2, \"dilation_rate\": 2, \"use_bias\": false}", new int[] {5, 5, 3});
      LayerGradientCheck.assertBackwardMatchesForward(s, dilated,
          LayerGradientCheck.randomWeights(s, dilated, 5), 22, new int[] {1, 5, 5, 3});
    }
  }
}
