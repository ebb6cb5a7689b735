package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.cam.Heatmap;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link OverlayRenderer}, its PNGs read back with Java's own ImageIO so that a channel-order slip
 * in OpenCV code cannot cancel itself out.
 */
@Tag("native")
class OverlayRendererTest {

  /** The renderer under test. */
  private final OverlayRenderer renderer = new OverlayRenderer();

  /** A width x height image whose pixel (y, x) is (B, G, R) = (x * 20, y * 30, 100). */
  private static DecodedImage picture(int width, int height) {
    byte[] bgr = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = (y * width + x) * 3;
        bgr[p] = (byte) (x * 20);
        bgr[p + 1] = (byte) (y * 30);
        bgr[p + 2] = 100;
      }
    }
    return new DecodedImage(Path.of("p.png"), width, height, bgr);
  }

  /** PNG bytes decoded by ImageIO. */
  private static BufferedImage read(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("decodable PNG").isNotNull();
    return image;
  }

  /** Red, green and blue of a pixel, in that order. */
  private static int[] rgb(BufferedImage image, int x, int y) {
    int argb = image.getRGB(x, y);
    return new int[] {(argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF};
  }

  /** At full opacity the hot end is red and the cold end blue, at the original's size. */
  @Test
  void hotIsRedColdIsBlueAtOriginalSize() throws IOException {
    Heatmap coldToHot = new Heatmap(1, 2, new float[] {0f, 1f});

    BufferedImage out = read(renderer.overlayPng(picture(10, 6), coldToHot, 1.0));

    assertThat(out.getWidth()).isEqualTo(10);
    assertThat(out.getHeight()).isEqualTo(6);
    int[] hot = rgb(out, 9, 3);
    int[] cold = rgb(out, 0, 3);
    assertThat(hot[0]).as("hot red").isGreaterThan(100);
    assertThat(hot[2]).as("hot blue").isLessThan(30);
    assertThat(cold[2]).as("cold blue").isGreaterThan(100);
    assertThat(cold[0]).as("cold red").isLessThan(30);
  }

  /**
   * Other colour maps paint the same values their own way: viridis's hot end is yellow (no blue)
   * and its cold end dark purple; magma's hot end is pale yellow, its cold end near black.
   */
  @Test
  void colourMapsFollowTheirOwnPalettes() throws IOException {
    Heatmap coldToHot = new Heatmap(1, 2, new float[] {0f, 1f});

    BufferedImage viridis = read(renderer.overlayPng(picture(10, 6), coldToHot, 1.0, Colormap.VIRIDIS));
    BufferedImage magma = read(renderer.overlayPng(picture(10, 6), coldToHot, 1.0, Colormap.MAGMA));

    int[] hot = rgb(viridis, 9, 3);
    int[] cold = rgb(viridis, 0, 3);
    assertThat(hot[0]).as("viridis hot red").isGreaterThan(200);
    assertThat(hot[1]).as("viridis hot green").isGreaterThan(200);
    assertThat(hot[2]).as("viridis hot blue").isLessThan(60);
    assertThat(cold[2]).as("viridis cold blue").isGreaterThan(cold[1]);
    assertThat(java.util.Arrays.stream(rgb(magma, 0, 3)).max().getAsInt()).as("magma cold").isLessThan(20);
    assertThat(rgb(magma, 9, 3)[0]).isGreaterThan(240);
  }

  /** Thumbnails are JPEGs whose longer edge is the limit, never enlarged; overlays are coloured. */
  @Test
  void thumbnailsShrinkToTheLongerEdge() throws IOException {
    Heatmap hot = new Heatmap(1, 1, new float[] {1f});

    BufferedImage plain = read(renderer.thumbnailJpeg(picture(200, 100), null, 0.5, Colormap.JET, 64));
    BufferedImage overlay = read(renderer.thumbnailJpeg(picture(20, 40), hot, 1.0, Colormap.JET, 64));

    assertThat(plain.getWidth()).isEqualTo(64);
    assertThat(plain.getHeight()).isEqualTo(32);
    assertThat(overlay.getWidth()).isEqualTo(20);
    assertThat(overlay.getHeight()).isEqualTo(40);
    assertThat(rgb(overlay, 10, 20)[0]).as("hot overlay red").isGreaterThan(100);
  }

  /** At zero opacity the picture comes back unchanged, pixel for pixel. */
  @Test
  void zeroAlphaReturnsOriginal() throws IOException {
    DecodedImage picture = picture(7, 5);
    Heatmap heat = new Heatmap(2, 2, new float[] {0f, 0.3f, 0.6f, 1f});

    BufferedImage out = read(renderer.overlayPng(picture, heat, 0.0));

    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 7; x++) {
        assertThat(rgb(out, x, y)).containsExactly(100, y * 30, x * 20);
      }
    }
  }

  /** Half opacity averages the picture and the full-opacity colours. */
  @Test
  void halfAlphaAverages() throws IOException {
    DecodedImage picture = picture(4, 3);
    Heatmap heat = new Heatmap(1, 2, new float[] {0.2f, 0.9f});

    BufferedImage full = read(renderer.overlayPng(picture, heat, 1.0));
    BufferedImage half = read(renderer.overlayPng(picture, heat, 0.5));

    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 4; x++) {
        int[] original = {100, y * 30, x * 20};
        int[] jet = rgb(full, x, y);
        int[] mixed = rgb(half, x, y);
        for (int c = 0; c < 3; c++) {
          assertThat((double) mixed[c]).isCloseTo((original[c] + jet[c]) / 2.0, within(0.51));
        }
      }
    }
  }

  /**
   * The heatmap is stretched bilinearly before colouring: [0, 1] over 4 columns samples 0, 0.25,
   * 0.75, 1 (half-pixel rule), so it must match the colour map of exactly those values.
   */
  @Test
  void stretchesHeatmapBilinearlyBeforeColouring() throws IOException {
    BufferedImage stretched = read(renderer.overlayPng(picture(4, 1), new Heatmap(1, 2, new float[] {0f, 1f}), 1.0));
    BufferedImage direct = read(renderer.heatmapPng(new Heatmap(1, 4, new float[] {0f, 0.25f, 0.75f, 1f})));

    assertThat(direct.getWidth()).isEqualTo(4);
    for (int x = 0; x < 4; x++) {
      assertThat(rgb(stretched, x, 0)).as("column %d", x).containsExactly(rgb(direct, x, 0));
    }
    assertThat(rgb(direct, 1, 0)).isNotEqualTo(rgb(direct, 0, 0));
  }

  /** The bare heatmap keeps its own size, hot red and cold blue. */
  @Test
  void heatmapPngKeepsHeatmapSize() throws IOException {
    float[] values = new float[6 * 5];
    values[values.length - 1] = 1f;

    BufferedImage out = read(renderer.heatmapPng(new Heatmap(6, 5, values)));

    assertThat(out.getWidth()).isEqualTo(5);
    assertThat(out.getHeight()).isEqualTo(6);
    assertThat(rgb(out, 4, 5)[0]).isGreaterThan(100);
    assertThat(rgb(out, 0, 0)[2]).isGreaterThan(100);
  }

  /** Alpha outside [0, 1] and values outside [0, 1] are refused, naming the value. */
  @Test
  void rejectsBadArguments() {
    Heatmap ok = new Heatmap(1, 1, new float[] {0.5f});
    Heatmap nan = new Heatmap(1, 2, new float[] {0.5f, Float.NaN});
    DecodedImage picture = picture(2, 2);

    assertThatThrownBy(() -> renderer.overlayPng(picture, ok, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> renderer.overlayPng(picture, nan, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heatmap values must be normalised to [0, 1], got NaN at row 0, column 1");
  }
}
