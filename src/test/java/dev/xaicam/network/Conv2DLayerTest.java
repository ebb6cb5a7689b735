package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Conv2D: shapes and weights from its config, a hand-worked strided map, gradients by FD. */
class Conv2DLayerTest {

  @Test
  void configSetsOutputShapeAndWeights() {
    Layer same = LayerGradientCheck.layer("Conv2D",
        "{\"filters\":8,\"kernel_size\":[3,3],\"strides\":[2,2],\"padding\":\"same\"}",
        new int[] {7, 7, 3});
    assertThat(same.outputShape()).containsExactly(4, 4, 8);
    assertThat(same.weights()).containsExactly(new WeightSpec("kernel", new int[] {3, 3, 3, 8}),
        new WeightSpec("bias", new int[] {8}));
    Layer valid = LayerGradientCheck.layer("Conv2D",
        "{\"filters\":2,\"kernel_size\":3,\"strides\":2,\"use_bias\":false}", new int[] {7, 7, 3});
    assertThat(valid.outputShape()).containsExactly(3, 3, 2);
    assertThat(valid.weights()).containsExactly(new WeightSpec("kernel", new int[] {3, 3, 3, 2}));
    Layer dilated = LayerGradientCheck.layer("Conv2D",
        "{\"filters\":1,\"kernel_size\":3,\"dilation_rate\":2}", new int[] {7, 7, 1});
    assertThat(dilated.outputShape()).containsExactly(3, 3, 1);
  }

  @Test
  void unsupportedConfigsNameTheLayerAndKey() {
    int[] in = {7, 7, 3};
    assertThatThrownBy(() -> LayerGradientCheck.layer("Conv2D",
        "{\"filters\":2,\"kernel_size\":3,\"data_format\":\"channels_first\"}", in))
        .isInstanceOf(XaiCamException.class).hasMessageContaining("layer 'layer' (Conv2D)")
        .hasMessageContaining("data_format 'channels_first'");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Conv2D",
        "{\"filters\":2,\"kernel_size\":3,\"groups\":3}", in))
        .isInstanceOf(XaiCamException.class).hasMessageContaining("groups 3");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Conv2D",
        "{\"filters\":2,\"kernel_size\":9}", in))
        .isInstanceOf(XaiCamException.class).hasMessageContaining("leaves no output");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Conv2D",
        "{\"filters\":2,\"kernel_size\":3,\"activation\":\"mish\"}", in))
        .isInstanceOf(XaiCamException.class).hasMessageContaining("unknown activation 'mish'");
  }

  @Test
  void linearOutputDropsTheActivationOnly() {
    Layer relu = LayerGradientCheck.layer("Conv2D",
        "{\"filters\":2,\"kernel_size\":3,\"activation\":\"relu\"}", new int[] {5, 5, 1});
    assertThat(relu.outputActivation()).isEqualTo("relu");
    Layer linear = relu.withLinearOutput();
    assertThat(linear.outputActivation()).isEqualTo("linear");
    assertThat(linear.outputShape()).containsExactly(relu.outputShape());
    assertThat(linear.weights()).isEqualTo(relu.weights());
    assertThat(linear.withLinearOutput()).isSameAs(linear);
  }

  @Test
  @Tag("native")
  void stridedSameConvolutionWithBiasAndRelu() {
    // 4x4 input 1..16; filter 0 sums the 3x3 window, filter 1 picks its centre; stride 2 SAME pads
    // one row and column at the bottom/right only, so the windows start at rows/columns 0 and 2
    Layer layer = LayerGradientCheck.layer("Conv2D", "{\"filters\":2,\"kernel_size\":3,"
        + "\"strides\":2,\"padding\":\"same\",\"activation\":\"relu\"}", new int[] {4, 4, 1});
    double[] kernel = new double[18];
    for (int tap = 0; tap < 9; tap++) {
      kernel[2 * tap] = 1;
      kernel[2 * tap + 1] = tap == 4 ? 1 : 0;
    }
    double[] x = new double[16];
    for (int i = 0; i < 16; i++) {
      x[i] = i + 1;
    }
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      List<Tensor> w = List.of(s.fromDoubles(kernel, 3, 3, 1, 2),
          s.fromDoubles(new double[] {-50, 0}, 2));
      assertThat(LayerGradientCheck.forward(s, layer, w, x, 1, 4, 4, 1))
          .containsExactly(4, 6, 0, 8, 22, 14, 4, 16);
    }
  }

  @Test
  @Tag("native")
  void backwardMatchesFiniteDifferencesForEveryOptionMix() {
    String[] configs = {
        "{\"filters\":4,\"kernel_size\":[3,2],\"strides\":2,\"padding\":\"same\","
            + "\"activation\":\"relu\"}",
        "{\"filters\":3,\"kernel_size\":3,\"dilation_rate\":2,\"use_bias\":false,"
            + "\"activation\":\"gelu\"}",
        "{\"filters\":2,\"kernel_size\":2,\"strides\":[1,2],\"padding\":\"same\","
            + "\"activation\":\"swish\"}",
        "{\"filters\":2,\"kernel_size\":3}"};
    int[] in = {7, 6, 2};
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      for (String config : configs) {
        Layer layer = LayerGradientCheck.layer("Conv2D", config, in);
        LayerGradientCheck.assertBackwardMatchesForward(s, layer,
            LayerGradientCheck.randomWeights(s, layer, 5), 11, new int[] {2, 7, 6, 2});
        LayerGradientCheck.assertWeightGradientsMatchForward(s, (TrainableLayer) layer, 13,
            new int[] {2, 7, 6, 2});
      }
    }
  }
}
