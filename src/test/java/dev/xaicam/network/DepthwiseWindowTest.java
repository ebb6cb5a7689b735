package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** DepthwiseWindow: config forms, defaults, TensorFlow's output sizes and refusals. */
class DepthwiseWindowTest {

  @Test
  void readsKerasFormsWithDefaults() {
    DepthwiseWindow w = new DepthwiseWindow(ConfigFixtures.config("DepthwiseConv2D",
        "{\"kernel_size\": [3, 5], \"strides\": 2, \"padding\": \"SAME\"}"));
    assertThat(w.kernel()).containsExactly(3, 5);
    assertThat(w.strides()).containsExactly(2, 2);
    assertThat(w.dilations()).containsExactly(1, 1);
    assertThat(w.padding()).isEqualTo("SAME");
    assertThat(new DepthwiseWindow(ConfigFixtures.config("DepthwiseConv2D",
        "{\"kernel_size\": 3}")).padding()).isEqualTo("VALID");
  }

  @Test
  void outputSizesAsTensorFlowComputesThem() {
    LayerConfig c = ConfigFixtures.config("DepthwiseConv2D",
        "{\"kernel_size\": 3, \"strides\": 2, \"padding\": \"same\"}");
    // SAME: ceil(in / stride).
    assertThat(new DepthwiseWindow(c).outputSize(c, 7, 8)).containsExactly(4, 4);
    LayerConfig v = ConfigFixtures.config("DepthwiseConv2D",
        "{\"kernel_size\": 3, \"strides\": 2}");
    // VALID: ceil((in - 3 + 1) / 2): 7 -> 3, 8 -> 3.
    assertThat(new DepthwiseWindow(v).outputSize(v, 7, 8)).containsExactly(3, 3);
    LayerConfig d = ConfigFixtures.config("DepthwiseConv2D",
        "{\"kernel_size\": 3, \"dilation_rate\": [3, 1]}");
    // Dilation 3 spans 7 rows: 7 -> 1; columns span 3: 8 -> 6.
    assertThat(new DepthwiseWindow(d).outputSize(d, 7, 8)).containsExactly(1, 6);
    assertThatThrownBy(() -> new DepthwiseWindow(d).outputSize(d, 6, 8))
        .hasMessageContaining("a window spanning 7 does not fit an input of 6");
  }

  @Test
  void refusesWhatTensorFlowRefuses() {
    assertThatThrownBy(() -> new DepthwiseWindow(ConfigFixtures.config("DepthwiseConv2D",
        "{\"kernel_size\": 0}"))).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> new DepthwiseWindow(ConfigFixtures.config("DepthwiseConv2D",
        "{\"kernel_size\": 3, \"strides\": [1, 2], \"dilation_rate\": [2, 1]}")))
        .hasMessageContaining("cannot both exceed 1");
  }
}
