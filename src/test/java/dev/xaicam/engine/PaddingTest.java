package dev.xaicam.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Output sizes as TensorFlow computes them, and the option records' checks. */
class PaddingTest {

  @Test
  void sameKeepsCeilOfInputOverStride() {
    assertThat(Padding.SAME.outputSize(224, 3, 1, 1)).isEqualTo(224);
    assertThat(Padding.SAME.outputSize(224, 3, 2, 1)).isEqualTo(112);
    assertThat(Padding.SAME.outputSize(7, 3, 2, 1)).isEqualTo(4);
    assertThat(Padding.SAME.outputSize(5, 3, 1, 4)).isEqualTo(5);
  }

  @Test
  void validKeepsOnlyWindowsThatFit() {
    assertThat(Padding.VALID.outputSize(224, 3, 1, 1)).isEqualTo(222);
    assertThat(Padding.VALID.outputSize(7, 3, 2, 1)).isEqualTo(3);
    assertThat(Padding.VALID.outputSize(5, 2, 2, 1)).isEqualTo(2);
    // 3 taps spread 2 apart cover 5 cells
    assertThat(Padding.VALID.outputSize(5, 3, 1, 2)).isEqualTo(1);
    assertThat(Padding.VALID.outputSize(4, 3, 1, 2)).isZero();
  }

  @Test
  void optionsDeriveOutputSizesAndRefuseNonPositiveSteps() {
    ConvOptions conv = new ConvOptions(2, 1, Padding.VALID, 1, 3);
    assertThat(conv.outputHeight(9, 3)).isEqualTo(4);
    assertThat(conv.outputWidth(9, 3)).isEqualTo(3);
    assertThat(conv.dilated()).isTrue();
    assertThat(ConvOptions.UNIT_SAME.dilated()).isFalse();
    PoolOptions pool = new PoolOptions(3, 3, 2, 2, Padding.SAME);
    assertThat(pool.outputHeight(7)).isEqualTo(4);
    assertThat(PoolOptions.TWO_BY_TWO.outputWidth(5)).isEqualTo(2);
    assertThatThrownBy(() -> new ConvOptions(0, 1, Padding.SAME, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strides 0x1");
    assertThatThrownBy(() -> new PoolOptions(2, 2, 2, 2, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("padding");
  }
}
