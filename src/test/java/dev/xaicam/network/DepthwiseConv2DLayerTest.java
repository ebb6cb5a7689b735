package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** DepthwiseConv2D: output shapes, weights, config errors, a hand-worked value and its backward. */
class DepthwiseConv2DLayerTest {

  @Test
  void outputShapeFollowsStridesPaddingDilationAndMultiplier() {
    Layer same = LayerGradientCheck.layer("DepthwiseConv2D",
        "{\"kernel_size\": [3, 3], \"strides\": [2, 2], \"padding\": \"same\", "
            + "\"depth_multiplier\": 2}", new int[] {7, 7, 3});
    // SAME: ceil(7 / 2) = 4; channels 3 * 2.
    assertThat(same.outputShape()).containsExactly(4, 4, 6);
    assertThat(same.weights()).containsExactly(new WeightSpec("depthwise_kernel",
        new int[] {3, 3, 3, 2}), new WeightSpec("bias", new int[] {6}));
    Layer valid = LayerGradientCheck.layer("DepthwiseConv2D",
        "{\"kernel_size\": 3, \"strides\": 2, \"padding\": \"valid\"}", new int[] {7, 7, 3});
    // VALID: ceil((7 - 3 + 1) / 2) = 3.
    assertThat(valid.outputShape()).containsExactly(3, 3, 3);
    Layer dilated = LayerGradientCheck.layer("DepthwiseConv2D",
        "{\"kernel_size\": 3, \"dilation_rate\": 2, \"use_bias\": false}", new int[] {7, 7, 3});
    // Dilation 2 spreads the 3 taps over 5 pixels: 7 - 5 + 1 = 3.
    assertThat(dilated.outputShape()).containsExactly(3, 3, 3);
    assertThat(dilated.weights()).containsExactly(
        new WeightSpec("depthwise_kernel", new int[] {3, 3, 3, 1}));
    assertThat(dilated.outputActivation()).isEqualTo("linear");
    assertThat(dilated.withLinearOutput()).isSameAs(dilated);
  }

  @Test
  void unusableConfigsNameTheKey() {
    assertThatThrownBy(() -> LayerGradientCheck.layer("DepthwiseConv2D", "{}", new int[] {5, 5, 1}))
        .isInstanceOf(XaiCamException.class).hasMessageContaining("'kernel_size' is missing")
        .hasMessageContaining("(DepthwiseConv2D)");
    assertThatThrownBy(() -> LayerGradientCheck.layer("DepthwiseConv2D",
        "{\"kernel_size\": 3, \"padding\": \"causal\"}", new int[] {5, 5, 1}))
        .hasMessageContaining("'padding'");
    assertThatThrownBy(() -> LayerGradientCheck.layer("DepthwiseConv2D",
        "{\"kernel_size\": 3, \"strides\": 2, \"dilation_rate\": 2}", new int[] {5, 5, 1}))
        .hasMessageContaining("cannot both exceed 1");
    assertThatThrownBy(() -> LayerGradientCheck.layer("DepthwiseConv2D",
        "{\"kernel_size\": 3, \"data_format\": \"channels_first\"}", new int[] {5, 5, 1}))
        .hasMessageContaining("channels_first");
    assertThatThrownBy(() -> LayerGradientCheck.layer("DepthwiseConv2D",
        "{\"kernel_size\": 3, \"depth_multiplier\": 0}", new int[] {5, 5, 1}))
        .hasMessageContaining("'depth_multiplier'");
    assertThatThrownBy(() -> LayerGradientCheck.layer("DepthwiseConv2D",
        "{\"kernel_size\": 7}", new int[] {5, 5, 1})).hasMessageContaining("does not fit");
    assertThatThrownBy(() -> LayerGradientCheck.layer("DepthwiseConv2D",
        "{\"kernel_size\": 3, \"activation\": \"swoosh\"}", new int[] {5, 5, 1}))
        .hasMessageContaining("unknown activation 'swoosh'");
  }

  @Test
  @Tag("native")
  void convolvesEachChannelWithItsOwnKernel() {
    Layer layer = LayerGradientCheck.layer("DepthwiseConv2D", "{\"kernel_size\": 2}",
        new int[] {2, 2, 2});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      // Channel 0 holds 1, 2, 3, 4 and channel 1 holds 10, 20, 30, 40 (row-major pixels).
      double[] x = {1, 10, 2, 20, 3, 30, 4, 40};
      // Kernel (2, 2, 2, 1): channel 0 all ones, channel 1 +1 top-left and -1 bottom-right.
      double[] k = {1, 1, 1, 0, 1, 0, 1, -1};
      double[] y = layer.forward(s, List.of(s.fromDoubles(x, 1, 2, 2, 2)),
          List.of(s.fromDoubles(k, 2, 2, 2, 1), s.fromDoubles(new double[] {0.5, -1}, 2)))
          .toDoubles();
      // 1+2+3+4 + 0.5 = 10.5; 10 - 40 - 1 = -31.
      assertThat(y).containsExactly(10.5, -31);
    }
  }

  @Test
  @Tag("native")
  void backwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer strided = LayerGradientCheck.layer("DepthwiseConv2D", "{\"kernel_size\": 3, "
          + "\"strides\": 2, \"padding\": \"same\", \"depth_multiplier\": 2}", new int[] {5, 5, 3});
      LayerGradientCheck.assertBackwardMatchesForward(s, strided,
          LayerGradientCheck.randomWeights(s, strided, 3), 11, new int[] {2, 5, 5, 3});
      Layer dilated = LayerGradientCheck.layer("DepthwiseConv2D", "{\"kernel_size\": [2, 3], "
          + "\"dilation_rate\": [2, 1], \"padding\": \"same\", \"use_bias\": false}",
          new int[] {6, 5, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, dilated,
          LayerGradientCheck.randomWeights(s, dilated, 5), 12, new int[] {1, 6, 5, 2});
      Layer valid = LayerGradientCheck.layer("DepthwiseConv2D", "{\"kernel_size\": 2, "
          + "\"dilation_rate\": 2, \"padding\": \"valid\"}", new int[] {5, 6, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, valid,
          LayerGradientCheck.randomWeights(s, valid, 7), 13, new int[] {2, 5, 6, 2});
      // Fused activations: one whose gradient reads the output, one that recomputes its input.
      for (String activation : new String[] {"relu6", "swish"}) {
        Layer fused = LayerGradientCheck.layer("DepthwiseConv2D", "{\"kernel_size\": 3, "
            + "\"padding\": \"same\", \"activation\": \"" + activation + "\"}", new int[] {4, 4, 2});
        LayerGradientCheck.assertBackwardMatchesForward(s, fused,
            LayerGradientCheck.randomWeights(s, fused, 9), 14, new int[] {1, 4, 4, 2});
        assertThat(fused.outputActivation()).isEqualTo(activation);
        assertThat(fused.withLinearOutput().outputActivation()).isEqualTo("linear");
      }
    }
  }
}
