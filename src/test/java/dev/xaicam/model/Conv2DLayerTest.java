package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.TensorEngine;
import dev.xaicam.engine.TensorScope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Conv2DLayer forward values and its backward against finite differences. */
@Tag("native")
class Conv2DLayerTest {

  @Test
  void forwardAddsBiasThenRelu() {
    try (TensorScope s = TensorEngine.openScope()) {
      // 1x1 kernel mapping 2 channels to 2: out0 = x0 - x1 + 1, out1 = x0 + x1 - 10
      Conv2DLayer layer = new Conv2DLayer("c", s.fromDoubles(new double[] {1, 1, -1, 1}, 1, 1, 2, 2),
          s.fromDoubles(new double[] {1, -10}, 2), Activation.RELU);
      double[] y = layer.forward(s, s.fromDoubles(new double[] {3, 1, 1, 3}, 1, 1, 2, 2))
          .toDoubles();
      assertThat(y).containsExactly(3, 0, 0, 0);
      assertThat(layer.outputShape(new int[] {5, 6, 2})).containsExactly(5, 6, 2);
    }
  }

  @Test
  void reluBackwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorEngine.openScope()) {
      Conv2DLayer layer = new Conv2DLayer("c",
          s.fromDoubles(FiniteDifferences.random(1, 3 * 3 * 2 * 3), 3, 3, 2, 3),
          s.fromDoubles(FiniteDifferences.random(2, 3), 3), Activation.RELU);
      FiniteDifferences.assertBackwardMatchesForward(s, layer, new int[] {2, 4, 5, 2}, 10);
    }
  }

  @Test
  void linearBackwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorEngine.openScope()) {
      Conv2DLayer layer = new Conv2DLayer("c",
          s.fromDoubles(FiniteDifferences.random(3, 3 * 3 * 3 * 2), 3, 3, 3, 2),
          s.fromDoubles(FiniteDifferences.random(4, 2), 2), Activation.LINEAR);
      FiniteDifferences.assertBackwardMatchesForward(s, layer, new int[] {1, 5, 4, 3}, 20);
    }
  }

  @Test
  void weightGradientsMatchFiniteDifferencesForEachActivation() {
    try (TensorScope s = TensorEngine.openScope()) {
      for (Activation a : new Activation[] {Activation.RELU, Activation.LINEAR}) {
        FiniteDifferences.assertWeightGradientsMatchForward(s,
            (k, b) -> new Conv2DLayer("c", k, b, a), new int[] {3, 3, 2, 3}, new int[] {2, 4, 5, 2}, 30);
      }
    }
  }
}
