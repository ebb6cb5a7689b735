package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Concatenate: axis rules, shape errors, joined values and backward for every input. */
class ConcatenateLayerTest {

  @Test
  void axisCountsTheBatchAxis() {
    assertThat(LayerGradientCheck.layer("Concatenate", "{}", new int[] {4, 4, 3},
        new int[] {4, 4, 5}).outputShape()).containsExactly(4, 4, 8);
    assertThat(LayerGradientCheck.layer("Concatenate", "{\"axis\": 1}", new int[] {4, 4, 3},
        new int[] {2, 4, 3}).outputShape()).containsExactly(6, 4, 3);
    assertThatThrownBy(() -> LayerGradientCheck.layer("Concatenate", "{\"axis\": 0}",
        new int[] {3}, new int[] {3})).hasMessageContaining("other than the batch");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Concatenate", "{}", new int[] {4, 4, 3},
        new int[] {4, 5, 3})).hasMessageContaining("cannot join inputs");
  }

  @Test
  @Tag("native")
  void joinsAndBackwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer layer = LayerGradientCheck.layer("Concatenate", "{}", new int[] {1, 2},
          new int[] {1, 1});
      // Pixel pairs (1, 2) and (3) join to (1, 2, 3).
      assertThat(layer.forward(s, List.of(s.fromDoubles(new double[] {1, 2}, 1, 1, 2),
          s.fromDoubles(new double[] {3}, 1, 1, 1)), List.of()).toDoubles())
          .containsExactly(1, 2, 3);
      Layer channels = LayerGradientCheck.layer("Concatenate", "{\"axis\": -1}",
          new int[] {2, 2, 1}, new int[] {2, 2, 3}, new int[] {2, 2, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, channels, List.of(), 181,
          new int[] {2, 2, 2, 1}, new int[] {2, 2, 2, 3}, new int[] {2, 2, 2, 2});
      Layer rows = LayerGradientCheck.layer("Concatenate", "{\"axis\": 1}", new int[] {1, 2, 2},
          new int[] {3, 2, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, rows, List.of(), 182,
          new int[] {2, 1, 2, 2}, new int[] {2, 3, 2, 2});
    }
  }
}
