package dev.xaicam.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Adam: bias-corrected steps worked by hand. */
class AdamTest {

  @Test
  void firstStepMovesEachParameterByTheLearningRateAgainstItsGradientSign() {
    Adam adam = new Adam(3);
    float[] p = {1, 1, 1};
    adam.update(p, new float[] {4, -0.5f, 0}, 0.1);
    // step 1: m_hat = g, v_hat = g^2, so the step is lr * g / (|g| + eps)
    assertThat(p[0]).isCloseTo(0.9f, within(1e-6f));
    assertThat(p[1]).isCloseTo(1.1f, within(1e-6f));
    assertThat(p[2]).isEqualTo(1f);
  }

  @Test
  void secondStepUsesTheRunningMoments() {
    Adam adam = new Adam(1);
    float[] p = {0};
    adam.update(p, new float[] {1}, 0.01);
    adam.update(p, new float[] {3}, 0.01);
    // m = 0.9*0.1 + 0.1*3 = 0.39, m_hat = 0.39/0.19; v = 0.999*0.001 + 0.001*9 = 0.009999, v_hat = v/0.001999
    double second = 0.01 * (0.39 / 0.19) / (Math.sqrt(0.009999 / 0.001999) + 1e-7);
    assertThat((double) p[0]).isCloseTo(-0.01 - second, within(1e-7));
  }

  @Test
  void rejectsMismatchedArrays() {
    Adam adam = new Adam(2);
    assertThatThrownBy(() -> adam.update(new float[3], new float[3], 0.1))
        .hasMessage("expected 2 parameters and gradients, got 3 and 3");
    assertThatThrownBy(() -> new Adam(0)).hasMessage("parameter count must be >= 1, got 0");
  }
}
