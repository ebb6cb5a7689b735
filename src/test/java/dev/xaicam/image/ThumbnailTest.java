package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link Thumbnail}: shrinks to the longer edge, keeps aspect, colour and source, never enlarges. */
@Tag("native")
class ThumbnailTest {

  /** A picture of one colour. */
  private static DecodedImage plain(int width, int height, int b, int g, int r) {
    byte[] bgr = new byte[width * height * 3];
    for (int i = 0; i < bgr.length; i += 3) {
      bgr[i] = (byte) b;
      bgr[i + 1] = (byte) g;
      bgr[i + 2] = (byte) r;
    }
    return new DecodedImage(Path.of("photo.jpg"), width, height, bgr);
  }

  @Test
  void shrinksTheLongerEdgeAndKeepsAspectColourAndSource() {
    DecodedImage small = Thumbnail.fit(plain(1000, 250, 10, 100, 200), 256);

    assertThat(small.width()).isEqualTo(256);
    assertThat(small.height()).isEqualTo(64);
    assertThat(small.source()).isEqualTo(Path.of("photo.jpg"));
    assertThat(new int[] {small.sample(30, 100, 0), small.sample(30, 100, 1), small.sample(30, 100, 2)})
        .containsExactly(10, 100, 200);
    assertThat(Thumbnail.fit(plain(3, 900, 0, 0, 0), 256).width()).isEqualTo(1);
  }

  @Test
  void aSmallPictureIsKeptAsItIs() {
    DecodedImage image = plain(64, 48, 1, 2, 3);

    assertThat(Thumbnail.fit(image, 64)).isSameAs(image);
    assertThatThrownBy(() -> Thumbnail.fit(image, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
