package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The weighted channel sum every channel-weight method shares. */
class ChannelWeightedCamTest {

  /** 1 x 2 x 2: A0 = [1, 2], A1 = [10, 20]. */
  private static final LayerSignal SIGNAL =
      TestSignals.of(1, 2, new double[][] {{1, 2}, {10, 20}}, null, 0);

  @Test
  void sumsChannelsTimesTheirWeights() {
    assertThat(ChannelWeightedCam.weightedSum(SIGNAL, new double[] {2, -0.5}))
        .containsExactly(-3, -6);
  }

  @Test
  void rejectsAWeightCountOtherThanTheChannelCount() {
    assertThatThrownBy(() -> ChannelWeightedCam.weightedSum(SIGNAL, new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 2 channel weights, got 3");
  }
}
