package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link Preprocessing} against values worked out by hand. */
@Tag("native")
class PreprocessingTest {

  /** An image from ints 0..255, BGR interleaved. */
  private static DecodedImage image(int width, int height, int... bgr) {
    byte[] b = new byte[bgr.length];
    for (int i = 0; i < bgr.length; i++) {
      b[i] = (byte) bgr[i];
    }
    return new DecodedImage(Path.of("t.png"), width, height, b);
  }

  /** A one-channel-value-everywhere grey ramp: each pixel's B = G = R. */
  private static DecodedImage grey(int width, int height, int... values) {
    int[] bgr = new int[values.length * 3];
    for (int i = 0; i < values.length; i++) {
      bgr[3 * i] = values[i];
      bgr[3 * i + 1] = values[i];
      bgr[3 * i + 2] = values[i];
    }
    return image(width, height, bgr);
  }

  /** The B channel of an NHWC output. */
  private static float[] blue(float[] nhwc) {
    float[] out = new float[nhwc.length / 3];
    for (int i = 0; i < out.length; i++) {
      out[i] = nhwc[3 * i];
    }
    return out;
  }

  /** At the model's own size there is no resampling: BGR minus Keras's means, NHWC, in float32. */
  @Test
  void caffeSubtractsMeansInBgrOrder() {
    DecodedImage img = image(2, 2, 0, 0, 0, 255, 255, 255, 1, 2, 3, 200, 100, 50);

    float[] input = Preprocessing.CAFFE.toModelInput(img, 2, 2);

    assertThat(input).containsExactly(
        -103.939f, -116.779f, -123.68f,
        255 - 103.939f, 255 - 116.779f, 255 - 123.68f,
        1 - 103.939f, 2 - 116.779f, 3 - 123.68f,
        200 - 103.939f, 100 - 116.779f, 50 - 123.68f);
  }

  /** Unit scaling turns BGR into RGB divided by 255. */
  @Test
  void unitScaleIsRgbOver255() {
    DecodedImage img = image(2, 1, 0, 51, 255, 102, 0, 153);

    float[] input = Preprocessing.UNIT_SCALE.toModelInput(img, 1, 2);

    assertThat(input).containsExactly(1f, 0.2f, 0f, 0.6f, 0f, 0.4f);
  }

  /** A uniform colour stays uniform through the resize. */
  @Test
  void uniformColourGivesUniformInput() {
    int[] bgr = new int[7 * 5 * 3];
    for (int i = 0; i < bgr.length; i += 3) {
      bgr[i] = 10;
      bgr[i + 1] = 20;
      bgr[i + 2] = 30;
    }

    float[] input = Preprocessing.CAFFE.toModelInput(image(7, 5, bgr), 4, 3);

    assertThat(input).hasSize(4 * 3 * 3);
    for (int i = 0; i < input.length; i += 3) {
      assertThat(new float[] {input[i], input[i + 1], input[i + 2]})
          .containsExactly(10 - 103.939f, 20 - 116.779f, 30 - 123.68f);
    }
  }

  /**
   * Half-pixel bilinear: doubling 0, 100 samples at source x = -0.25 (clamped), 0.25, 0.75, 1.25
   * (clamped); halving 0, 40, 80, 120 samples at 0.5 and 2.5.
   */
  @Test
  void bilinearResizeFollowsHalfPixelRule() {
    float[] up = Preprocessing.UNIT_SCALE.toModelInput(grey(2, 1, 0, 100), 1, 4);
    float[] down = Preprocessing.UNIT_SCALE.toModelInput(grey(4, 1, 0, 40, 80, 120), 1, 2);

    assertThat(blue(up)).containsExactly(0f, 25 / 255f, 75 / 255f, 100 / 255f);
    assertThat(blue(down)).containsExactly(20 / 255f, 100 / 255f);
  }

  /**
   * 2x2 to 4x4 in both directions, in OpenCV's 8-bit fixed point (as cv2.resize on uint8): weights
   * are 0.75/0.25 each way. At (1, 1) the exact value 16.875 + 49.6875 = 66.5625 comes out 66, not
   * 67: rows are first blended to 22.5 and 198.75 in units of 1/2048, the vertical pass then drops
   * 4 bits and multiplies high (22.5 * 0.75 -> 67.5/4, 198.75 * 0.25 -> 198.75/4, each floored in
   * quarters: (67 + 198 + 2) >> 2 = 66). At (2, 1): (22 + 596 + 2) >> 2 = 155 = round(154.69).
   */
  @Test
  void bilinearResizeInTwoDimensionsRoundsTo8Bits() {
    float[] out = blue(Preprocessing.CAFFE.toModelInput(grey(2, 2, 0, 90, 180, 255), 4, 4));

    assertThat(out[0]).isEqualTo(0 - 103.939f);
    assertThat(out[1 * 4 + 1]).isEqualTo(66 - 103.939f);
    assertThat(out[2 * 4 + 1]).isEqualTo(155 - 103.939f);
    assertThat(out[3 * 4 + 3]).isEqualTo(255 - 103.939f);
  }

  /** Sizes below 1 and a missing image are refused, naming the value. */
  @Test
  void rejectsBadArguments() {
    DecodedImage img = grey(1, 1, 0);
    assertThatThrownBy(() -> Preprocessing.CAFFE.toModelInput(img, 0, 224))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model input size must be positive, got 0x224");
    assertThatThrownBy(() -> Preprocessing.CAFFE.toModelInput(null, 224, 224))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image must not be null");
  }
}
