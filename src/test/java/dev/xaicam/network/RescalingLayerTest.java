package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rescaling: scalar and per-channel forms, config errors and backward. */
class RescalingLayerTest {

  @Test
  void configErrors() {
    assertThatThrownBy(() -> LayerGradientCheck.layer("Rescaling", "{}", new int[] {2, 2, 3}))
        .hasMessageContaining("'scale' is missing");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Rescaling", "{\"scale\": [1, 2]}",
        new int[] {2, 2, 3})).hasMessageContaining("has 2 values; need 1 or one per channel (3)");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Rescaling", "{\"scale\": \"x\"}",
        new int[] {2, 2, 3})).hasMessageContaining("a number or a list of numbers");
  }

  @Test
  @Tag("native")
  void scalesAndShiftsPerChannel() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer tf = LayerGradientCheck.layer("Rescaling", "{\"scale\": 0.5, \"offset\": -1}",
          new int[] {1, 1, 2});
      // 2 * 0.5 - 1 = 0 and 4 * 0.5 - 1 = 1.
      assertThat(tf.forward(s, List.of(s.fromDoubles(new double[] {2, 4}, 1, 1, 1, 2)), List.of())
          .toDoubles()).containsExactly(0, 1);
      Layer perChannel = LayerGradientCheck.layer("Rescaling", "{\"scale\": {\"class_name\": "
          + "\"__numpy__\", \"config\": {\"value\": [1, 2, 3], \"dtype\": \"float32\"}}, "
          + "\"offset\": [0, 0, 1]}", new int[] {1, 1, 3});
      // (1, 1, 1) * (1, 2, 3) + (0, 0, 1) = (1, 2, 4).
      assertThat(perChannel.forward(s, List.of(s.fromDoubles(new double[] {1, 1, 1}, 1, 1, 1, 3)),
          List.of()).toDoubles()).containsExactly(1, 2, 4);
      Layer listed = LayerGradientCheck.layer("Rescaling", "{\"scale\": [0.5, -2, 3], "
          + "\"offset\": 0.25}", new int[] {2, 2, 3});
      LayerGradientCheck.assertBackwardMatchesForward(s, listed, List.of(), 121,
          new int[] {2, 2, 2, 3});
    }
  }
}
