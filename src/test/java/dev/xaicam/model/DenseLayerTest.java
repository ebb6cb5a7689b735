package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.engine.TensorEngine;
import dev.xaicam.engine.TensorScope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** DenseLayer forward values and backward for each activation against finite differences. */
@Tag("native")
class DenseLayerTest {

  /** A 4-in, 3-out layer with random weights. */
  private static DenseLayer layer(TensorScope s, Activation activation) {
    return new DenseLayer("d", s.fromDoubles(FiniteDifferences.random(5, 12), 4, 3),
        s.fromDoubles(FiniteDifferences.random(6, 3), 3), activation);
  }

  @Test
  void forwardComputesXTimesKernelPlusBias() {
    try (TensorScope s = TensorEngine.openScope()) {
      DenseLayer d = new DenseLayer("d", s.fromDoubles(new double[] {1, 2, 3, 4}, 2, 2),
          s.fromDoubles(new double[] {0, -100}, 2), Activation.RELU);
      assertThat(d.forward(s, s.fromDoubles(new double[] {1, 1}, 1, 2)).toDoubles())
          .containsExactly(4, 0);
      double[] p = d.forward(s, s.fromDoubles(new double[] {1, 1}, 1, 2)).toDoubles();
      assertThat(p).containsExactly(4, 0);
      double[] softmax = new DenseLayer("d", s.fromDoubles(new double[] {1, 0, 0, 1}, 2, 2),
          s.fromDoubles(new double[] {0, 0}, 2), Activation.SOFTMAX)
          .forward(s, s.fromDoubles(new double[] {0, Math.log(3)}, 1, 2)).toDoubles();
      assertThat(softmax).containsExactly(new double[] {0.25, 0.75}, within(1e-15));
    }
  }

  @Test
  void linearCopyDropsTheActivation() {
    try (TensorScope s = TensorEngine.openScope()) {
      DenseLayer d = layer(s, Activation.SOFTMAX).linear();
      assertThat(d.activation()).isEqualTo(Activation.LINEAR);
      double[] x = {1, 0, 0, 0};
      // row 0 of the kernel plus the bias
      double[] k = FiniteDifferences.random(5, 12);
      double[] b = FiniteDifferences.random(6, 3);
      assertThat(d.forward(s, s.fromDoubles(x, 1, 4)).toDoubles())
          .containsExactly(new double[] {k[0] + b[0], k[1] + b[1], k[2] + b[2]}, within(1e-15));
    }
  }

  @Test
  void backwardMatchesFiniteDifferencesForEveryActivation() {
    try (TensorScope s = TensorEngine.openScope()) {
      long seed = 50;
      for (Activation a : Activation.values()) {
        FiniteDifferences.assertBackwardMatchesForward(s, layer(s, a), new int[] {3, 4}, seed++);
      }
    }
  }

  @Test
  void weightGradientsMatchFiniteDifferencesForEveryActivation() {
    try (TensorScope s = TensorEngine.openScope()) {
      long seed = 70;
      for (Activation a : Activation.values()) {
        FiniteDifferences.assertWeightGradientsMatchForward(s,
            (k, b) -> new DenseLayer("d", k, b, a), new int[] {4, 3}, new int[] {3, 4}, seed += 10);
      }
    }
  }
}
