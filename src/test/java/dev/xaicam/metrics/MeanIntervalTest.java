package dev.xaicam.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Means with Student-t intervals; quantiles from scipy.stats.t.ppf(0.975, n - 1). */
class MeanIntervalTest {

  @Test
  void fourValuesUseTheTQuantileWithThreeDegreesOfFreedom() {
    // mean 2.5; s^2 = 5/3; standard error sqrt(5/12); t(0.975, 3) = 3.1824463052837078
    MeanInterval interval = MeanInterval.of(new double[] {1, 2, 3, 4});

    assertThat(interval.mean()).isEqualTo(2.5);
    assertThat(interval.halfWidth()).isCloseTo(3.1824463052837078 * Math.sqrt(5 / 12.0),
        within(1e-9));
    assertThat(interval.count()).isEqualTo(4);
  }

  @Test
  void twoValuesGetTheWideInterval() {
    // mean 1; s = sqrt(2); standard error 1; t(0.975, 1) = 12.706204736174694
    assertThat(MeanInterval.of(new double[] {0, 2}).halfWidth())
        .isCloseTo(12.706204736174694, within(1e-9));
  }

  @Test
  void oneValueHasNoIntervalAndNoneIsRefused() {
    MeanInterval single = MeanInterval.of(new double[] {0.7});

    assertThat(single.mean()).isEqualTo(0.7);
    assertThat(single.halfWidth()).isNaN();
    assertThatThrownBy(() -> MeanInterval.of(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no values to average");
  }
}
