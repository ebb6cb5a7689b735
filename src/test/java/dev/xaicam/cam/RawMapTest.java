package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Raw map validation. */
class RawMapTest {

  @Test
  void defaultsToNoScale() {
    assertThat(new RawMap(1, 2, new double[] {1, 2}).logScale()).isZero();
  }

  @Test
  void rejectsBadShapesAndScales() {
    assertThatThrownBy(() -> new RawMap(2, 2, new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("raw map values length 3 != 2*2");
    assertThatThrownBy(() -> new RawMap(0, 2, new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("raw map size must be positive, got 0x2");
    assertThatThrownBy(() -> new RawMap(1, 1, new double[1], Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("raw map log scale must be finite, got Infinity");
  }
}
