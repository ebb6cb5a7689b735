package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Corner-aligned bilinear resize against hand-computed samples. */
class CornerAlignedZoomTest {

  @Test
  void twoByTwoToThreeByThreeAveragesNeighbours() {
    double[] out = new CornerAlignedZoom(2, 2, 3, 3).apply(new double[] {0, 1, 2, 3});

    assertThat(out).containsExactly(new double[] {0, .5, 1, 1, 1.5, 2, 2, 2.5, 3}, within(1e-12));
  }

  @Test
  void widthFiveSamplesQuarterSteps() {
    double[] out = new CornerAlignedZoom(2, 2, 2, 5).apply(new double[] {0, 1, 2, 3});

    assertThat(out)
        .containsExactly(new double[] {0, .25, .5, .75, 1, 2, 2.25, 2.5, 2.75, 3}, within(1e-12));
  }

  @Test
  void samplesCornerAlignedNotHalfPixelPositions() {
    // scipy.ndimage.zoom(order=1): pixel i of 224 samples i*1/223 on [0, 1]; OpenCV would give
    // (i + 0.5) * 2/224 - 0.5 clamped, i.e. 0 for the first 56 pixels.
    double[] out = new CornerAlignedZoom(1, 2, 1, 224).apply(new double[] {0, 1});

    assertThat(out[0]).isZero();
    assertThat(out[1]).isCloseTo(1 / 223.0, within(1e-15));
    assertThat(out[100]).isCloseTo(100 / 223.0, within(1e-15));
    assertThat(out[223]).isEqualTo(1);
  }

  @Test
  void oneByOneBecomesConstant() {
    double[] out = new CornerAlignedZoom(1, 1, 4, 3).apply(new double[] {2.5});

    assertThat(out).hasSize(12).containsOnly(2.5);
  }

  @Test
  void constantStaysExactlyConstant() {
    double[] in = new double[14 * 14];
    Arrays.fill(in, 0.1);

    double[] out = new CornerAlignedZoom(14, 14, 224, 224).apply(in);

    assertThat(out).containsOnly(0.1);
  }

  @Test
  void downsamplingKeepsTheCorners() {
    double[] out = new CornerAlignedZoom(1, 3, 1, 2).apply(new double[] {1, 5, 9});

    assertThat(out).containsExactly(1, 9);
  }

  @Test
  void singleOutputPixelSamplesTheFirstInput() {
    double[] out = new CornerAlignedZoom(1, 2, 1, 1).apply(new double[] {3, 7});

    assertThat(out).containsExactly(3);
  }

  @Test
  void sameSizeIsIdentity() {
    double[] in = {1, -2, 3, 4, 5, 6};

    assertThat(new CornerAlignedZoom(2, 3, 2, 3).apply(in)).containsExactly(in);
  }

  @Test
  void rejectsWrongLengthsAndSizes() {
    CornerAlignedZoom zoom = new CornerAlignedZoom(2, 2, 3, 3);

    assertThatThrownBy(() -> zoom.apply(new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 -> 9 values, got 3 -> 9");
    assertThatThrownBy(() -> new CornerAlignedZoom(0, 2, 3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x2");
  }
}
