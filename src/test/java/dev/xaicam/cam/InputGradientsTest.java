package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Input gradients: shape checks and the per-pixel reduction. */
class InputGradientsTest {

  @Test
  void reducesEachPixelToItsLargestMagnitude() {
    InputGradients g = new InputGradients(2, 1, 2, new float[] {-2, 1, 0, -0.25f});

    assertThat(g.maxAbsOverChannels()).containsExactly(2, 0.25);
  }

  @Test
  void rejectsBadShapes() {
    assertThatThrownBy(() -> new InputGradients(2, 2, 3, new float[11]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input gradients length 11 != H*W*C = 12");
    assertThatThrownBy(() -> new InputGradients(0, 2, 3, new float[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input gradient shape must be positive, got 0x2x3");
  }
}
