package dev.xaicam.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two deletion substrates on a 1 x 2 x 2 image. */
class DeletionSubstrateTest {

  /** Pixels (0, 10) and (4, 20): channel means 2 and 15. */
  private static final InputImage IMAGE = new InputImage(1, 2, 2, new float[] {0, 10, 4, 20});

  @Test
  void zeroIsBlack() {
    assertThat(DeletionSubstrate.ZERO.of(IMAGE).values()).containsExactly(0, 0, 0, 0);
  }

  @Test
  void meanIsEachChannelsMean() {
    assertThat(DeletionSubstrate.MEAN.of(IMAGE).values()).containsExactly(2, 15, 2, 15);
  }
}
