package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Argument checks and sample addressing of {@link DecodedImage}. */
class DecodedImageTest {

  /** A 2x1 image whose samples address as B, G, R per pixel, row-major, unsigned. */
  @Test
  void sampleReadsInterleavedBgrAsUnsigned() {
    byte[] bgr = {1, 2, 3, (byte) 200, (byte) 255, 0};
    DecodedImage image = new DecodedImage(Path.of("a.png"), 2, 1, bgr);

    assertThat(image.sample(0, 0, 0)).isEqualTo(1);
    assertThat(image.sample(0, 0, 2)).isEqualTo(3);
    assertThat(image.sample(0, 1, 0)).isEqualTo(200);
    assertThat(image.sample(0, 1, 1)).isEqualTo(255);
  }

  /** A sample array of the wrong length is refused, naming both lengths. */
  @Test
  void rejectsWrongLength() {
    assertThatThrownBy(() -> new DecodedImage(Path.of("a.png"), 2, 2, new byte[11]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bgr length 11 != width*height*3 = 12");
  }

  /** Zero or negative sizes are refused, naming the size. */
  @Test
  void rejectsNonPositiveSize() {
    assertThatThrownBy(() -> new DecodedImage(Path.of("a.png"), 0, 2, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image size must be positive, got 0x2");
  }

  /** Missing source or samples are refused. */
  @Test
  void rejectsNulls() {
    assertThatThrownBy(() -> new DecodedImage(null, 1, 1, new byte[3]))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DecodedImage(Path.of("a.png"), 1, 1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bgr length null");
  }
}
