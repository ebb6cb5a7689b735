package dev.xaicam.image;

import java.nio.file.Path;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A figure in the style of a notebook's: one row per image, the original first and then one
 * heatmap overlay per method, each tile letterboxed into a square and titled on a white strip.
 * Stateless and thread-safe.
 */
public final class Montage {

  /** Smallest tile edge: below this the titles cannot be read. */
  public static final int MIN_TILE_SIZE = 32;
  /** Largest tile edge, keeping a montage of many rows within sane memory. */
  public static final int MAX_TILE_SIZE = 2048;
  /** Heatmap opacity over the original in each overlay tile, as the notebooks' figures use. */
  public static final double DEFAULT_ALPHA = 0.5;

  /** White, the background, strip and letterbox colour. */
  private static final Scalar WHITE = new Scalar(255, 255, 255);
  /** Black, the title colour. */
  private static final Scalar BLACK = new Scalar(0, 0, 0);
  /** The title font; Hershey fonts cover printable ASCII only. */
  private static final int FONT = Imgproc.FONT_HERSHEY_SIMPLEX;

  /** The montage as PNG bytes, overlays blended at {@link #DEFAULT_ALPHA}. */
  public byte[] png(List<MontageRow> rows, int tileSize) {
    return png(rows, tileSize, DEFAULT_ALPHA);
  }

  /** The montage as PNG bytes, overlays blended at the given heatmap opacity in [0, 1]. */
  public byte[] png(List<MontageRow> rows, int tileSize, double alpha) {
    if (rows == null || rows.isEmpty()) {
      throw new IllegalArgumentException("montage needs at least one row, got " + rows);
    }
    if (tileSize < MIN_TILE_SIZE || tileSize > MAX_TILE_SIZE) {
      throw new IllegalArgumentException(
          "tile size must be in [" + MIN_TILE_SIZE + ", " + MAX_TILE_SIZE + "], got " + tileSize);
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    Layout layout = Layout.of(rows, tileSize);
    OpenCvNatives.ensureLoaded();
    Mat canvas = new Mat(layout.height(), layout.width(), CvType.CV_8UC3, WHITE);
    try {
      for (int r = 0; r < rows.size(); r++) {
        MontageRow row = rows.get(r);
        Mat original = MatBridge.toMat(row.original());
        try {
          drawTile(canvas, layout, r, 0, original, fileName(row.original().source()));
        } finally {
          original.release();
        }
        for (int t = 0; t < row.tiles().size(); t++) {
          MontageTile tile = row.tiles().get(t);
          Mat overlay = OverlayRenderer.overlay(row.original(), tile.heatmap(), alpha);
          try {
            drawTile(canvas, layout, r, t + 1, overlay, tile.title());
          } finally {
            overlay.release();
          }
        }
      }
      return OverlayRenderer.encodePng(canvas);
    } finally {
      canvas.release();
    }
  }

  /**
   * Where things go: square tiles of {@code tile} pixels, each under a title strip, separated by
   * gaps of white.
   *
   * @param tile tile edge in pixels
   * @param strip title strip height in pixels
   * @param gap white space around and between tiles
   * @param columns tiles in the widest row (the original included)
   * @param rowCount number of rows
   */
  record Layout(int tile, int strip, int gap, int columns, int rowCount) {

    /** The layout for these rows at this tile size. */
    static Layout of(List<MontageRow> rows, int tileSize) {
      int columns = 1 + rows.stream().mapToInt(r -> r.tiles().size()).max().orElse(0);
      int strip = Math.max(14, Math.round(tileSize * 0.12f));
      int gap = Math.max(2, tileSize / 32);
      return new Layout(tileSize, strip, gap, columns, rows.size());
    }

    /** Canvas width in pixels. */
    int width() {
      return columns * tile + (columns + 1) * gap;
    }

    /** Canvas height in pixels. */
    int height() {
      return rowCount * (strip + tile) + (rowCount + 1) * gap;
    }

    /** Left edge of column c. */
    int x(int c) {
      return gap + c * (tile + gap);
    }

    /** Top edge of row r's title strip; its picture starts {@code strip} pixels lower. */
    int y(int r) {
      return gap + r * (strip + tile + gap);
    }
  }

  /** Draws a picture scaled to fit the tile at (row, column), white filling the rest, titled above. */
  private static void drawTile(Mat canvas, Layout layout, int row, int column, Mat picture, String title) {
    int left = layout.x(column);
    int top = layout.y(row);
    double scale = Math.min((double) layout.tile() / picture.cols(), (double) layout.tile() / picture.rows());
    int w = Math.max(1, (int) Math.round(picture.cols() * scale));
    int h = Math.max(1, (int) Math.round(picture.rows() * scale));
    Mat fitted = new Mat();
    try {
      // INTER_AREA averages when shrinking (no moire); bilinear is the sensible choice to enlarge.
      int interpolation = scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
      Imgproc.resize(picture, fitted, new Size(w, h), 0, 0, interpolation);
      // Centred across, but hung from the title strip so a wide picture stays next to its title.
      Rect cell = new Rect(left + (layout.tile() - w) / 2, top + layout.strip(), w, h);
      Mat target = canvas.submat(cell);
      try {
        fitted.copyTo(target);
      } finally {
        target.release();
      }
    } finally {
      fitted.release();
    }
    drawTitle(canvas, layout, left, top, title);
  }

  /** Writes the title centred in the strip, shrinking the font and then shortening the text to fit. */
  private static void drawTitle(Mat canvas, Layout layout, int left, int top, String title) {
    String text = printable(title);
    int room = layout.tile() - 4;
    double fontScale = layout.strip() / 40.0;
    int thickness = 1;
    int[] baseline = new int[1];
    Size size = Imgproc.getTextSize(text, FONT, fontScale, thickness, baseline);
    double minScale = Math.max(0.3, fontScale * 0.6);
    if (size.width > room) {
      fontScale = Math.max(minScale, fontScale * room / size.width);
      size = Imgproc.getTextSize(text, FONT, fontScale, thickness, baseline);
    }
    while (size.width > room && text.length() > 3) {
      text = text.substring(0, text.length() - 4) + "..";
      size = Imgproc.getTextSize(text, FONT, fontScale, thickness, baseline);
    }
    int x = left + Math.max(0, (int) ((layout.tile() - size.width) / 2));
    int y = top + (int) ((layout.strip() + size.height) / 2);
    Imgproc.putText(canvas, text, new Point(x, y), FONT, fontScale, BLACK, thickness, Imgproc.LINE_AA);
  }

  /** The title in what Hershey fonts can draw: '·' becomes '-', other non-ASCII '?'. */
  static String printable(String title) {
    StringBuilder out = new StringBuilder(title.length());
    for (int i = 0; i < title.length(); i++) {
      char c = title.charAt(i);
      if (c == '\u00B7') {
        out.append('-');
      } else if (c >= 0x20 && c < 0x7F) {
        out.append(c);
      } else {
        out.append(Character.isWhitespace(c) ? ' ' : '?');
      }
    }
    return out.toString();
  }

  /** The file name alone, for the original's title. */
  private static String fileName(Path source) {
    Path name = source.getFileName();
    return name == null ? source.toString() : name.toString();
  }
}
