package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.XaiCamException;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ReLU layer: max_value, negative_slope and threshold as Keras's relu computes them. */
class ReLULayerTest {
  /** Inputs of the value checks. */
  private static final double[] X = {-2, -0.5, 0.3, 0.7, 1, 8};
  /** Configs with their hand-worked outputs on {@link #X}. */
  private static final Object[][] CASES = {
      {"{}", new double[] {0, 0, 0.3, 0.7, 1, 8}},
      {"{\"max_value\":6.0}", new double[] {0, 0, 0.3, 0.7, 1, 6}},
      {"{\"max_value\":2.5}", new double[] {0, 0, 0.3, 0.7, 1, 2.5}},
      {"{\"negative_slope\":0.1}", new double[] {-0.2, -0.05, 0.3, 0.7, 1, 8}},
      {"{\"threshold\":-1.0}", new double[] {0, -0.5, 0.3, 0.7, 1, 8}},
      // x above 0.5 kept and clipped at 0.8; below, 0.2 * (x - 0.5)
      {"{\"max_value\":0.8,\"negative_slope\":0.2,\"threshold\":0.5}",
          new double[] {-0.5, -0.2, -0.04, 0.7, 0.8, 0.8}}};

  @Test
  @Tag("native")
  void computesKerasReluForEveryOptionMix() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      for (Object[] c : CASES) {
        Layer layer = LayerGradientCheck.layer("ReLU", (String) c[0], new int[] {6});
        assertThat(LayerGradientCheck.forward(s, layer, List.of(), X, 1, 6)).as((String) c[0])
            // within float32 round-off: TensorFlow's LeakyRelu takes its slope as a float
            .containsExactly((double[]) c[1], within(1e-7));
      }
    }
  }

  @Test
  @Tag("native")
  void backwardMatchesFiniteDifferencesForEveryOptionMix() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      for (Object[] c : CASES) {
        Layer layer = LayerGradientCheck.layer("ReLU", (String) c[0], new int[] {3, 2, 4});
        LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 21,
            new int[] {2, 3, 2, 4});
      }
    }
  }

  @Test
  void negativeLimitsAreRefused() {
    assertThatThrownBy(() -> LayerGradientCheck.layer("ReLU", "{\"max_value\":-1}", new int[] {2}))
        .isInstanceOf(XaiCamException.class).hasMessageContaining("max_value must be >= 0");
  }
}
