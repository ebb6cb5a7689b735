package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link ModelInput}: every mode, channel order and grey-scale, against hand-worked values. */
class ModelInputTest {

  /** One pixel with B = 51, G = 102, R = 255. */
  private static final DecodedImage PIXEL =
      new DecodedImage(Path.of("p.png"), 1, 1, new byte[] {51, 102, (byte) 255});

  @Test
  @Tag("native")
  void modesScaleEachRgbSampleAsKerasDoes() {
    assertThat(input(Preprocessing.NONE, false)).containsExactly(255f, 102f, 51f);
    assertThat(input(Preprocessing.UNIT_SCALE, false)).containsExactly(1f, 0.4f, 0.2f);
    // tf: x / 127.5 - 1
    assertThat(input(Preprocessing.TF, false)).containsExactly(1f, 102 / 127.5f - 1f, 51 / 127.5f - 1f);
    // torch: (x / 255 - mean) / std, R G B
    float[] torch = input(Preprocessing.TORCH, false);
    assertThat(torch[0]).isCloseTo((1f - 0.485f) / 0.229f, within(1e-6f));
    assertThat(torch[1]).isCloseTo((0.4f - 0.456f) / 0.224f, within(1e-6f));
    assertThat(torch[2]).isCloseTo((0.2f - 0.406f) / 0.225f, within(1e-6f));
    // caffe: B G R minus the means, whatever --bgr says
    float[] caffe = {51 - 103.939f, 102 - 116.779f, 255 - 123.68f};
    assertThat(input(Preprocessing.CAFFE, false)).containsExactly(caffe);
    assertThat(input(Preprocessing.CAFFE, true)).containsExactly(caffe);
  }

  @Test
  @Tag("native")
  void bgrReversesTheChannelOrder() {
    assertThat(input(Preprocessing.NONE, true)).containsExactly(51f, 102f, 255f);
    assertThat(input(Preprocessing.UNIT_SCALE, true)).containsExactly(0.2f, 0.4f, 1f);
  }

  @Test
  @Tag("native")
  void greyScaleUsesOpenCvsLuminanceWeights() {
    // 0.299 * 255 + 0.587 * 102 + 0.114 * 51 = 142.0 (OpenCV rounds its fixed-point sum)
    float[] grey = new ModelInput(1, 1, 1, Preprocessing.NONE, false).toModelInput(PIXEL);
    assertThat(grey).hasSize(1);
    assertThat(grey[0]).isEqualTo(142f);
  }

  @Test
  void refusesModesThatNeedColourOnAGreyModelAndNamesBadSizes() {
    assertThatThrownBy(() -> new ModelInput(28, 28, 1, Preprocessing.CAFFE, false))
        .hasMessage("preprocessing 'caffe' needs a colour (3-channel) model input");
    assertThatThrownBy(() -> new ModelInput(0, 28, 3, Preprocessing.TF, false))
        .hasMessage("model input size must be positive, got 0x28");
    assertThatThrownBy(() -> new ModelInput(28, 28, 2, Preprocessing.TF, false))
        .hasMessage("model input must have 1 or 3 channels, got 2");
    assertThat(new ModelInput(28, 30, 1, Preprocessing.UNIT_SCALE, false).size()).isEqualTo(840);
  }

  @Test
  @Tag("native")
  void pixelsAreRgbSamplesAndFromPixelsAppliesOrderAndScaling() {
    ModelInput caffe = new ModelInput(1, 1, 3, Preprocessing.CAFFE, false);
    assertThat(caffe.pixels(PIXEL)).containsExactly(255f, 102f, 51f);
    // caffe: BGR order minus the ImageNet means (B 103.939, G 116.779, R 123.68)
    assertThat(caffe.fromPixels(new float[] {255f, 102f, 51f}))
        .containsExactly(51f - 103.939f, 102f - 116.779f, 255f - 123.68f);
    // fractional pixels (a blurred or masked image) are scaled as they are, not rounded
    assertThat(new ModelInput(1, 1, 3, Preprocessing.UNIT_SCALE, false)
        .fromPixels(new float[] {25.5f, 0f, 127.5f})).containsExactly(0.1f, 0f, 0.5f);
    assertThatThrownBy(() -> caffe.fromPixels(new float[2]))
        .hasMessage("pixels must hold 1x1x3 = 3 values, got 2");
  }

  @Test
  void modesAreFoundByTheirCommandLineNames() {
    assertThat(Preprocessing.byName("Caffe")).isEqualTo(Preprocessing.CAFFE);
    assertThat(Preprocessing.byName("scale")).isEqualTo(Preprocessing.UNIT_SCALE);
    assertThat(Preprocessing.byName("nope")).isNull();
    assertThat(Preprocessing.listing()).startsWith("none = 0..255 as is").contains("; torch = ");
  }

  /** The pixel through one mode. */
  private static float[] input(Preprocessing mode, boolean bgr) {
    return new ModelInput(1, 1, 3, mode, bgr).toModelInput(PIXEL);
  }
}
