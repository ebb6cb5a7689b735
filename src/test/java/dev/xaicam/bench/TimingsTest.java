package dev.xaicam.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimingsTest {

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Timings.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(Timings.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(Timings.median(new double[] {7})).isEqualTo(7);
    assertThatThrownBy(() -> Timings.median(new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void medianLeavesItsInputUnsorted() {
    double[] values = {3, 1, 2};
    Timings.median(values);
    assertThat(values).containsExactly(3, 1, 2);
  }
}
