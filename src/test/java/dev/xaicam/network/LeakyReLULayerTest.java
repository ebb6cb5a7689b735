package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** LeakyReLU: the slope from Keras 2's alpha or Keras 3's negative_slope, default 0.3. */
@Tag("native")
class LeakyReLULayerTest {

  @Test
  void slopeComesFromEitherKerasKey() {
    double[] x = {-2, 3};
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      assertThat(run(s, "{\"alpha\":0.2}", x)).containsExactly(new double[] {-0.4, 3}, within(1e-7));
      assertThat(run(s, "{\"negative_slope\":0.1}", x))
          .containsExactly(new double[] {-0.2, 3}, within(1e-7));
      assertThat(run(s, "{}", x)).containsExactly(new double[] {-0.6, 3}, within(1e-7));
    }
  }

  @Test
  void backwardMatchesFiniteDifferences() {
    Layer layer = LayerGradientCheck.layer("LeakyReLU", "{\"alpha\":0.25}", new int[] {4, 3});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 5, new int[] {2, 4, 3});
    }
  }

  /** The layer's output for one image {@code x}. */
  private static double[] run(TensorScope s, String config, double[] x) {
    Layer layer = LayerGradientCheck.layer("LeakyReLU", config, new int[] {x.length});
    return LayerGradientCheck.forward(s, layer, List.of(), x, 1, x.length);
  }
}
