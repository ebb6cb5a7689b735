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
   * Columns follow the widest row; each row is as high as its picture fitted into the tile (a
   * 2:1 landscape row half as high as a 1:2 portrait one), under one title strip height.
   */
  @Test
  void rowsKeepTheImagesAspectRatio() throws IOException {
    List<MontageRow> rows = List.of(
        new MontageRow(grey(40, 20), List.of(new MontageTile("gradcam · tabby 0.83", hot()),
            new MontageTile("scorecam · tabby 0.83", hot()))),
        new MontageRow(grey(20, 40), List.of()));
    Montage.Layout layout = Montage.Layout.of(rows, 64, "");

    BufferedImage out = read(montage.png(rows, 64));

    assertThat(layout.pictureHeights()).containsExactly(32, 64);
    assertThat(out.getWidth()).isEqualTo(3 * 64 + 4 * layout.gap());
    assertThat(out.getHeight()).isEqualTo(layout.height());
    assertThat(layout.y(1) - layout.y(0)).isEqualTo(layout.stripHeight() + 32 + layout.gap());
  }

  /**
   * A wide original sits right under its title, an overlay tile is reddened by a hot heatmap,
   * titles leave ink in their strips, and the JET colour bar runs from blue to red.
   */
  @Test
  void tilesAreFittedColouredTitledAndExplainedByAColourBar() throws IOException {
    List<MontageRow> rows = List.of(
        new MontageRow(grey(200, 100), List.of(new MontageTile("gradcam++ · tabby 0.83", hot()))));
    int tile = 128;
    Montage.Layout layout = Montage.Layout.of(rows, tile, "");

    BufferedImage out = read(montage.png(rows, tile, 0.5));

    int gap = layout.gap();
    int top = layout.y(0) + layout.stripHeight();
    int centreY = top + 32;
    assertThat(out.getRGB(gap + tile / 2, top + 1) & 0xFFFFFF).as("grey original at top").isEqualTo(0x808080);
    assertThat(out.getRGB(gap + tile / 2, centreY) & 0xFFFFFF).as("grey original").isEqualTo(0x808080);
    int overlay = out.getRGB(2 * gap + tile + tile / 2, centreY);
    assertThat((overlay >> 16) & 0xFF).as("overlay red").isGreaterThan((overlay & 0xFF) + 40);
    assertThat(hasDarkPixel(out, gap, layout.y(0), tile, layout.stripHeight())).as("original title ink").isTrue();
    assertThat(hasDarkPixel(out, 2 * gap + tile, layout.y(0), tile, layout.stripHeight())).as("overlay title ink").isTrue();
    int barY = layout.colourBarTop() + layout.colourBarHeight() / 2;
    int cold = out.getRGB(gap + 1, barY);
    int hot = out.getRGB(out.getWidth() - gap - 2, barY);
    assertThat(cold & 0xFF).as("bar starts blue").isGreaterThan(((cold >> 16) & 0xFF) + 60);
    assertThat((hot >> 16) & 0xFF).as("bar ends red").isGreaterThan((hot & 0xFF) + 60);
  }

  /** Long titles wrap in one font size and never lose a character (the probability survives). */
  @Test
  void longTitlesWrapWithoutLosingCharacters() {
    String title = "layercam - Pembroke Welsh corgi, a dog of Wales 0.0123";
    List<String> lines = Montage.wrap(title, 60, 0.4);

    assertThat(lines.size()).isGreaterThan(1);
    assertThat(String.join(" ", lines).replace(" ", "")).isEqualTo(title.replace(" ", ""));
    assertThat(lines.get(lines.size() - 1)).endsWith("0.0123");
    for (String line : lines) {
      assertThat(org.opencv.imgproc.Imgproc.getTextSize(line, org.opencv.imgproc.Imgproc.FONT_HERSHEY_SIMPLEX,
          0.4, 1, new int[1]).width).isLessThanOrEqualTo(60);
    }
  }

  /** A heading adds its lines above the first row and leaves ink there. */
  @Test
  void headingSitsAboveTheRows() throws IOException {
    List<MontageRow> rows = List.of(new MontageRow(grey(64, 64), List.of()));
    Montage.Layout plain = Montage.Layout.of(rows, 64, "");
    Montage.Layout headed = Montage.Layout.of(rows, 64, "VGG16 - layer block5_conv3 - target top-1");

    BufferedImage out = read(montage.png(rows, 64, 0.5, Colormap.VIRIDIS,
        "VGG16 - layer block5_conv3 - target top-1"));

    assertThat(headed.firstRowTop()).isGreaterThan(plain.firstRowTop());
    assertThat(out.getHeight()).isEqualTo(headed.height());
    assertThat(hasDarkPixel(out, 0, 0, out.getWidth(), headed.firstRowTop())).isTrue();
  }

  /** The original is titled with its file name unless its row says more (a model comparison's class). */
  @Test
  void theOriginalsTitleIsItsFileNameOrTheRowsTitle() {
    List<MontageRow> rows = List.of(new MontageRow(grey(64, 64), List.of()),
        new MontageRow(grey(64, 64), "grey.png - class tabby (281)", List.of()));

    Montage.Layout layout = Montage.Layout.of(rows, 256, "");

    assertThat(layout.titles().get(0).get(0)).containsExactly("grey.png");
    assertThat(String.join(" ", layout.titles().get(1).get(0))).isEqualTo("grey.png - class tabby (281)");
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
