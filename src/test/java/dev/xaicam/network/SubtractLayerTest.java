package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Subtract: two inputs only, broadcasting, a hand-worked value and backward. */
class SubtractLayerTest {

  @Test
  void needsTwoCompatibleInputs() {
    assertThat(LayerGradientCheck.layer("Subtract", "{}", new int[] {4, 4, 3}, new int[] {1, 1, 3})
        .outputShape()).containsExactly(4, 4, 3);
    assertThatThrownBy(() -> LayerGradientCheck.layer("Subtract", "{}", new int[] {3},
        new int[] {3}, new int[] {3})).hasMessageContaining("exactly two inputs, got 3");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Subtract", "{}", new int[] {3},
        new int[] {4})).hasMessageContaining("cannot combine inputs of shapes (3,) and (4,)");
  }

  @Test
  @Tag("native")
  void subtractsTheSecondFromTheFirst() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer layer = LayerGradientCheck.layer("Subtract", "{}", new int[] {2}, new int[] {2});
      assertThat(layer.forward(s, List.of(s.fromDoubles(new double[] {5, 1}, 1, 2),
          s.fromDoubles(new double[] {2, 3}, 1, 2)), List.of()).toDoubles())
          .containsExactly(3, -2);
      Layer broadcast = LayerGradientCheck.layer("Subtract", "{}", new int[] {1, 3, 2},
          new int[] {2, 1, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, broadcast, List.of(), 141,
          new int[] {2, 1, 3, 2}, new int[] {2, 2, 1, 2});
      // A lower-rank input lines up with the last axes, never with the batch axis.
      Layer ranks = LayerGradientCheck.layer("Subtract", "{}", new int[] {3, 2}, new int[] {2});
      LayerGradientCheck.assertBackwardMatchesForward(s, ranks, List.of(), 142,
          new int[] {3, 3, 2}, new int[] {3, 2});
    }
  }
}
