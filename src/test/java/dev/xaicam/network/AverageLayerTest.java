package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Average: the mean of the inputs and backward for every input. */
class AverageLayerTest {

  @Test
  @Tag("native")
  void averagesAndBackwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer layer = LayerGradientCheck.layer("Average", "{}", new int[] {2}, new int[] {2},
          new int[] {2});
      // ((1, 2) + (3, 4) + (5, -6)) / 3 = (3, 0).
      assertThat(layer.forward(s, List.of(s.fromDoubles(new double[] {1, 2}, 1, 2),
          s.fromDoubles(new double[] {3, 4}, 1, 2), s.fromDoubles(new double[] {5, -6}, 1, 2)),
          List.of()).toDoubles()).containsExactly(3, 0);
      Layer broadcast = LayerGradientCheck.layer("Average", "{}", new int[] {2, 2, 3},
          new int[] {3});
      assertThat(broadcast.outputShape()).containsExactly(2, 2, 3);
      LayerGradientCheck.assertBackwardMatchesForward(s, broadcast, List.of(), 161,
          new int[] {2, 2, 2, 3}, new int[] {2, 3});
    }
  }
}
