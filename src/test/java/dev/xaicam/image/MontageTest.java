package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.cam.Heatmap;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link Montage} layout, content and argument checks. */
@Tag("native")
class MontageTest {

  /** The montage under test. */
  private final Montage montage = new Montage();

  /** A uniform grey picture of the given size. */
  private static DecodedImage grey(int width, int height) {
    byte[] bgr = new byte[width * height * 3];
    java.util.Arrays.fill(bgr, (byte) 128);
    return new DecodedImage(Path.of("/photos/grey.png"), width, height, bgr);
  }

  /** A heatmap hot everywhere. */
  private static Heatmap hot() {
    return new Heatmap(2, 2, new float[] {1f, 1f, 1f, 1f});
  }

  /** PNG bytes decoded by ImageIO. */
  private static BufferedImage read(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("decodable PNG").isNotNull();
    return image;
  }

  /** Whether any pixel in the rectangle is dark (title ink). */
  private static boolean hasDarkPixel(BufferedImage image, int x0, int y0, int w, int h) {
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xFF) < 100 && ((rgb >> 8) & 0xFF) < 100 && (rgb & 0xFF) < 100) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Two rows, the widest with two overlays: 3 columns and 2 rows of 64-pixel tiles, 14-pixel title
   * strips (12% of 64 is below the 14-pixel minimum) and 2-pixel gaps: 3*64 + 4*2 = 200 wide,
   * 2*(14+64) + 3*2 = 162 high.
   */
  @Test
  void sizeFollowsRowsAndWidestRow() throws IOException {
    List<MontageRow> rows = List.of(
        new MontageRow(grey(40, 20), List.of(new MontageTile("gradcam · tabby 0.83", hot()),
            new MontageTile("scorecam · tabby 0.83", hot()))),
        new MontageRow(grey(20, 40), List.of()));

    BufferedImage out = read(montage.png(rows, 64));

    assertThat(out.getWidth()).isEqualTo(200);
    assertThat(out.getHeight()).isEqualTo(162);
  }

  /**
   * A wide original hangs under its title with white below, an overlay tile is reddened by a hot
   * heatmap, and titles leave ink in their strips.
   */
  @Test
  void tilesAreLetterboxedColouredAndTitled() throws IOException {
    List<MontageRow> rows = List.of(
        new MontageRow(grey(200, 100), List.of(new MontageTile("gradcam++ · tabby 0.83", hot()))));
    int tile = 128;
    int strip = Math.round(tile * 0.12f);
    int gap = tile / 32;

    BufferedImage out = read(montage.png(rows, tile, 0.5));

    int top = gap + strip;
    int pictureHeight = tile * 100 / 200;
    int centreY = top + pictureHeight / 2;
    assertThat(out.getRGB(gap + tile / 2, top + pictureHeight + 2) & 0xFFFFFF).as("letterbox").isEqualTo(0xFFFFFF);
    assertThat(out.getRGB(gap + tile / 2, top + 1) & 0xFFFFFF).as("grey original at top").isEqualTo(0x808080);
    assertThat(out.getRGB(gap + tile / 2, centreY) & 0xFFFFFF).as("grey original").isEqualTo(0x808080);
    int overlay = out.getRGB(2 * gap + tile + tile / 2, centreY);
    assertThat((overlay >> 16) & 0xFF).as("overlay red").isGreaterThan((overlay & 0xFF) + 40);
    assertThat(hasDarkPixel(out, gap, gap, tile, strip)).as("original title ink").isTrue();
    assertThat(hasDarkPixel(out, 2 * gap + tile, gap, tile, strip)).as("overlay title ink").isTrue();
  }

  /** Hershey fonts are ASCII only: the middle dot becomes '-', other non-ASCII '?'. */
  @Test
  void titlesAreMadePrintable() {
    assertThat(Montage.printable("gradcam++ · tabby 0.83")).isEqualTo("gradcam++ - tabby 0.83");
    assertThat(Montage.printable("café\tbar")).isEqualTo("caf? bar");
  }

  /** Empty rows, tiny tiles and bad alpha are refused, naming the value. */
  @Test
  void rejectsBadArguments() {
    List<MontageRow> rows = List.of(new MontageRow(grey(4, 4), List.of()));
    assertThatThrownBy(() -> montage.png(List.of(), 64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("montage needs at least one row, got []");
    assertThatThrownBy(() -> montage.png(rows, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tile size must be in [32, 2048], got 8");
    assertThatThrownBy(() -> montage.png(rows, 64, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in [0, 1], got -0.1");
  }
}
