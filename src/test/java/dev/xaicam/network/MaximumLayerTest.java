package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Maximum: the elementwise maximum, the tie rule, and backward for every input. */
class MaximumLayerTest {

  @Test
  @Tag("native")
  void gradientGoesToTheLargerInputAndTiesToTheEarlierOne() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer layer = LayerGradientCheck.layer("Maximum", "{}", new int[] {3}, new int[] {3},
          new int[] {3});
      List<Tensor> x = List.of(s.fromDoubles(new double[] {1, 5, 3}, 1, 3),
          s.fromDoubles(new double[] {2, 5, 1}, 1, 3), s.fromDoubles(new double[] {0, 5, 3}, 1, 3));
      Tensor y = layer.forward(s, x, List.of());
      assertThat(y.toDoubles()).containsExactly(2, 5, 3);
      // Position 0: input 1 wins. Position 1: a three-way tie goes to input 0. Position 2:
      // inputs 0 and 2 tie at 3, so input 0 gets it.
      List<Tensor> dx = layer.backward(s, x, y, s.fromDoubles(new double[] {10, 20, 30}, 1, 3),
          List.of());
      assertThat(dx.get(0).toDoubles()).containsExactly(0, 20, 30);
      assertThat(dx.get(1).toDoubles()).containsExactly(10, 0, 0);
      assertThat(dx.get(2).toDoubles()).containsExactly(0, 0, 0);
    }
  }

  @Test
  @Tag("native")
  void backwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer three = LayerGradientCheck.layer("Maximum", "{}", new int[] {3, 2, 2},
          new int[] {1, 1, 2}, new int[] {3, 2, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, three, List.of(), 171,
          new int[] {2, 3, 2, 2}, new int[] {2, 1, 1, 2}, new int[] {2, 3, 2, 2});
      Layer ranks = LayerGradientCheck.layer("Maximum", "{}", new int[] {2, 3}, new int[] {3});
      LayerGradientCheck.assertBackwardMatchesForward(s, ranks, List.of(), 173,
          new int[] {3, 2, 3}, new int[] {3, 3});
      Layer one = LayerGradientCheck.layer("Maximum", "{}", new int[] {4});
      LayerGradientCheck.assertBackwardMatchesForward(s, one, List.of(), 172, new int[] {2, 4});
    }
  }
}
