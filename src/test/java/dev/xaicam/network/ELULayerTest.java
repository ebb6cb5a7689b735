package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ELU layer: alpha scales the negative part only; gradients by FD for alpha 1 and not 1. */
@Tag("native")
class ELULayerTest {

  @Test
  void alphaScalesTheNegativePart() {
    double[] x = {-1, 2};
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer one = LayerGradientCheck.layer("ELU", "{}", new int[] {2});
      Layer half = LayerGradientCheck.layer("ELU", "{\"alpha\":0.5}", new int[] {2});
      assertThat(LayerGradientCheck.forward(s, one, List.of(), x, 1, 2))
          .containsExactly(new double[] {Math.exp(-1) - 1, 2}, within(1e-15));
      assertThat(LayerGradientCheck.forward(s, half, List.of(), x, 1, 2))
          .containsExactly(new double[] {0.5 * (Math.exp(-1) - 1), 2}, within(1e-15));
    }
  }

  @Test
  void backwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      for (String config : new String[] {"{}", "{\"alpha\":0.3}"}) {
        Layer layer = LayerGradientCheck.layer("ELU", config, new int[] {3, 4});
        LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 4,
            new int[] {2, 3, 4});
      }
    }
  }
}
