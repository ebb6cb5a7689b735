package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Min-max normalisation, its epsilon and its log-scale handling. */
class MinMaxNormalisationTest {

  @Test
  void subtractsMinAndDividesByRangePlusEpsilon() {
    float[] out = MinMaxNormalisation.normalise(new double[] {1, 3, 5}, 1e-7);

    assertThat(out).containsExactly(0f, (float) (2 / (4 + 1e-7)), (float) (4 / (4 + 1e-7)));
  }

  @Test
  void epsilonKeepsTinyRangesBelowOne() {
    float[] out = MinMaxNormalisation.normalise(new double[] {0, 1e-7}, 1e-7);

    assertThat(out).containsExactly(new float[] {0f, 0.5f}, within(1e-7f));
  }

  @Test
  void constantMapBecomesZeros() {
    assertThat(MinMaxNormalisation.normalise(new double[] {4, 4, 4}, 1e-7)).containsOnly(0f);
  }

  @Test
  void constantMapWithVanishingEpsilonBecomesZerosNotNaN() {
    assertThat(MinMaxNormalisation.normalise(new double[] {4, 4}, 0)).containsOnly(0f);
    double vanished = MinMaxNormalisation.epsilonFor(1000);
    assertThat(MinMaxNormalisation.normalise(new double[] {4, 4}, vanished)).containsOnly(0f);
  }

  @Test
  void epsilonForScaleDividesByTheFactor() {
    assertThat(MinMaxNormalisation.epsilonFor(0)).isEqualTo(1e-7);
    assertThat(MinMaxNormalisation.epsilonFor(Math.log(2))).isCloseTo(0.5e-7, within(1e-20));
    assertThat(MinMaxNormalisation.epsilonFor(1000)).isZero();
    assertThat(MinMaxNormalisation.epsilonFor(-1000)).isInfinite();
  }

  @Test
  void scaledEpsilonMatchesNormalisingTheScaledMap() {
    double[] map = {0, 1e-7, 3e-7};
    double[] doubled = {0, 2e-7, 6e-7};

    double halved = MinMaxNormalisation.epsilonFor(Math.log(2));
    float[] viaScale = MinMaxNormalisation.normalise(map, halved);
    float[] direct = MinMaxNormalisation.normalise(doubled, 1e-7);

    assertThat(viaScale).containsExactly(direct, within(1e-7f));
    assertThat(direct[1]).isCloseTo((float) (2e-7 / 7e-7), within(1e-7f));
  }

  @Test
  void infiniteEpsilonGivesZerosNotNaN() {
    float[] out = MinMaxNormalisation.normalise(new double[] {0, 5}, Double.POSITIVE_INFINITY);

    assertThat(out).containsOnly(0f);
  }
}
