package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Multiply: products, the squeeze-and-excitation broadcast, and backward for every input. */
class MultiplyLayerTest {

  @Test
  void gateShapeBroadcastsOverTheMap() {
    assertThat(LayerGradientCheck.layer("Multiply", "{}", new int[] {7, 7, 16},
        new int[] {1, 1, 16}).outputShape()).containsExactly(7, 7, 16);
  }

  @Test
  @Tag("native")
  void multipliesAndBackwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer layer = LayerGradientCheck.layer("Multiply", "{}", new int[] {2}, new int[] {2},
          new int[] {2});
      // (2, 3) * (4, 5) * (-1, 0.5) = (-8, 7.5).
      assertThat(layer.forward(s, List.of(s.fromDoubles(new double[] {2, 3}, 1, 2),
          s.fromDoubles(new double[] {4, 5}, 1, 2), s.fromDoubles(new double[] {-1, 0.5}, 1, 2)),
          List.of()).toDoubles()).containsExactly(-8, 7.5);
      Layer gate = LayerGradientCheck.layer("Multiply", "{}", new int[] {3, 2, 4},
          new int[] {1, 1, 4}, new int[] {3, 2, 4});
      LayerGradientCheck.assertBackwardMatchesForward(s, gate, List.of(), 151,
          new int[] {2, 3, 2, 4}, new int[] {2, 1, 1, 4}, new int[] {2, 3, 2, 4});
      Layer ranks = LayerGradientCheck.layer("Multiply", "{}", new int[] {4}, new int[] {3, 2, 4});
      LayerGradientCheck.assertBackwardMatchesForward(s, ranks, List.of(), 152,
          new int[] {3, 4}, new int[] {3, 3, 2, 4});
    }
  }
}
