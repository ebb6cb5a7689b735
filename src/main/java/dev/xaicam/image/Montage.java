package dev.xaicam.image;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A figure in the style of a notebook's: an optional heading (model, layer, target), then one row
 * per image, the original first and then one heatmap overlay per method (or per model, comparing
 * models), each titled above, and a colour bar at the bottom. Pictures keep their aspect ratio (a
 * landscape row is shorter than a portrait one); titles wrap onto more lines rather than lose
 * characters, all in one font size.
 * Stateless and thread-safe.
 *
 * <p>Long because layout (aspect-preserving rows, wrapped titles in one font size) and drawing
 * must agree pixel for pixel; the Layout record is what tests check.
 */
public final class Montage {

  /** Smallest tile edge: below this the titles cannot be read. */
  public static final int MIN_TILE_SIZE = 32;
  /** Largest tile edge, keeping a montage of many rows within sane memory. */
  public static final int MAX_TILE_SIZE = 2048;
  /** Heatmap opacity over the original in each overlay tile, as the notebooks' figures use. */
  public static final double DEFAULT_ALPHA = 0.5;

  /** White, the background. */
  private static final Scalar WHITE = new Scalar(255, 255, 255);
  /** Black, the text colour. */
  private static final Scalar BLACK = new Scalar(0, 0, 0);
  /** The font; Hershey fonts cover printable ASCII only. */
  private static final int FONT = Imgproc.FONT_HERSHEY_SIMPLEX;
  /** Most lines a title may take before the font shrinks. */
  private static final int MAX_TITLE_LINES = 3;
  /** Smallest font scale tried before titles break inside words. */
  private static final double MIN_FONT_SCALE = 0.3;

  /** The montage in JET, overlays at {@link #DEFAULT_ALPHA}, without a heading. */
  public byte[] png(List<MontageRow> rows, int tileSize) {
    return png(rows, tileSize, DEFAULT_ALPHA, Colormap.JET, "");
  }

  /** The montage in JET at the given heatmap opacity in [0, 1], without a heading. */
  public byte[] png(List<MontageRow> rows, int tileSize, double alpha) {
    return png(rows, tileSize, alpha, Colormap.JET, "");
  }

  /**
   * The montage as PNG bytes.
   *
   * @param rows one per image, at least one
   * @param tileSize the longest edge of each picture, in [{@value #MIN_TILE_SIZE},
   *     {@value #MAX_TILE_SIZE}]
   * @param alpha heatmap opacity in [0, 1]
   * @param colormap the overlays' colour map, also drawn as the colour bar
   * @param heading text above the figure (model, layer, target); empty for none
   */
  public byte[] png(List<MontageRow> rows, int tileSize, double alpha, Colormap colormap,
      String heading) {
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
    OpenCvNatives.ensureLoaded();
    Layout layout = Layout.of(rows, tileSize, heading == null ? "" : heading);
    Mat canvas = new Mat(layout.height(), layout.width(), CvType.CV_8UC3, WHITE);
    try {
      drawLines(canvas, layout.headingLines(), layout.gap(), layout.gap(), layout.width()
          - 2 * layout.gap(), layout.lineHeight(), layout.fontScale());
      for (int r = 0; r < rows.size(); r++) {
        MontageRow row = rows.get(r);
        Mat original = MatBridge.toMat(row.original());
        try {
          drawCell(canvas, layout, r, 0, original);
        } finally {
          original.release();
        }
        for (int t = 0; t < row.tiles().size(); t++) {
          Mat overlay = OverlayRenderer.overlay(row.original(), row.tiles().get(t).heatmap(),
              alpha, colormap);
          try {
            drawCell(canvas, layout, r, t + 1, overlay);
          } finally {
            overlay.release();
          }
        }
      }
      drawColourBar(canvas, layout, colormap);
      return OverlayRenderer.encodePng(canvas);
    } finally {
      canvas.release();
    }
  }

  /**
   * Where things go. Columns are {@code tile} wide; row r's pictures are {@code pictureHeights[r]}
   * high (the image fitted into a tile x tile square), under a title strip of {@code titleLines}
   * lines shared by the whole figure.
   */
  record Layout(int tile, int gap, double fontScale, int lineHeight, int columns,
      List<String> headingLines, int titleLines, int[] pictureHeights, List<List<List<String>>> titles) {

    /** The layout for these rows at this tile size. */
    static Layout of(List<MontageRow> rows, int tileSize, String heading) {
      int columns = 1 + rows.stream().mapToInt(r -> r.tiles().size()).max().orElse(0);
      int gap = Math.max(4, tileSize / 24);
      List<List<String>> texts = new ArrayList<>();
      for (MontageRow row : rows) {
        List<String> rowTitles = new ArrayList<>();
        rowTitles.add(printable(row.title()));
        row.tiles().forEach(t -> rowTitles.add(printable(t.title())));
        texts.add(rowTitles);
      }
      int room = tileSize - 4;
      double scale = Math.max(MIN_FONT_SCALE, tileSize / 480.0);
      while (scale > MIN_FONT_SCALE && !allFit(texts, room, scale)) {
        scale = Math.max(MIN_FONT_SCALE, scale * 0.9);
      }
      int lineHeight = (int) Math.ceil(textSize("Ag|", scale).height * 1.6);
      List<List<List<String>>> wrapped = new ArrayList<>();
      int titleLines = 1;
      int[] heights = new int[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        List<List<String>> rowLines = new ArrayList<>();
        for (String text : texts.get(r)) {
          List<String> lines = wrap(text, room, scale);
          titleLines = Math.max(titleLines, lines.size());
          rowLines.add(lines);
        }
        wrapped.add(rowLines);
        DecodedImage image = rows.get(r).original();
        double fit = Math.min((double) tileSize / image.width(), (double) tileSize / image.height());
        heights[r] = Math.max(1, (int) Math.round(image.height() * fit));
      }
      int width = columns * tileSize + (columns + 1) * gap;
      List<String> headingLines = heading.isBlank() ? List.of()
          : wrap(printable(heading), width - 2 * gap, scale);
      return new Layout(tileSize, gap, scale, lineHeight, columns, headingLines, titleLines,
          heights, wrapped);
    }

    /** Canvas width in pixels. */
    int width() {
      return columns * tile + (columns + 1) * gap;
    }

    /** Top of the first row, below the heading. */
    int firstRowTop() {
      return gap + headingLines.size() * lineHeight + (headingLines.isEmpty() ? 0 : gap);
    }

    /** Height of one title strip. */
    int stripHeight() {
      return titleLines * lineHeight;
    }

    /** Top edge of row r's title strip; its picture starts {@link #stripHeight()} lower. */
    int y(int r) {
      int y = firstRowTop();
      for (int i = 0; i < r; i++) {
        y += stripHeight() + pictureHeights[i] + gap;
      }
      return y;
    }

    /** Top of the colour bar. */
    int colourBarTop() {
      return y(pictureHeights.length);
    }

    /** Height of the colour bar's gradient. */
    int colourBarHeight() {
      return Math.max(8, lineHeight / 2);
    }

    /** Canvas height in pixels: heading, rows, colour bar with its labels. */
    int height() {
      return colourBarTop() + colourBarHeight() + lineHeight + gap;
    }

    /** Left edge of column c. */
    int x(int c) {
      return gap + c * (tile + gap);
    }
  }

  /** Draws a picture fitted into the cell at (row, column), centred across, titled above. */
  private static void drawCell(Mat canvas, Layout layout, int row, int column, Mat picture) {
    int left = layout.x(column);
    int top = layout.y(row);
    int h = layout.pictureHeights()[row];
    int w = Math.max(1, Math.min(layout.tile(),
        (int) Math.round(picture.cols() * (double) h / picture.rows())));
    Mat fitted = new Mat();
    try {
      // INTER_AREA averages when shrinking (no moire); bilinear is the sensible choice to enlarge.
      int interpolation = w < picture.cols() ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
      Imgproc.resize(picture, fitted, new Size(w, h), 0, 0, interpolation);
      Rect cell = new Rect(left + (layout.tile() - w) / 2, top + layout.stripHeight(), w, h);
      Mat target = canvas.submat(cell);
      try {
        fitted.copyTo(target);
      } finally {
        target.release();
      }
    } finally {
      fitted.release();
    }
    List<String> lines = layout.titles().get(row).get(column);
    // Bottom-align the title so it sits right above its picture whatever its line count.
    int titleTop = top + (layout.titleLines() - lines.size()) * layout.lineHeight();
    drawLines(canvas, lines, left + 2, titleTop, layout.tile() - 4, layout.lineHeight(),
        layout.fontScale());
  }

  /** Draws lines centred in a box of the given width, one per {@code lineHeight}. */
  private static void drawLines(Mat canvas, List<String> lines, int left, int top, int width,
      int lineHeight, double scale) {
    for (int i = 0; i < lines.size(); i++) {
      Size size = textSize(lines.get(i), scale);
      int x = left + Math.max(0, (int) ((width - size.width) / 2));
      int y = top + i * lineHeight + (int) ((lineHeight + size.height) / 2);
      Imgproc.putText(canvas, lines.get(i), new Point(x, y), FONT, scale, BLACK, 1,
          Imgproc.LINE_AA);
    }
  }

  /** A full-width gradient of the colour map from 0 (left) to 1 (right), labelled below. */
  private static void drawColourBar(Mat canvas, Layout layout, Colormap colormap) {
    int left = layout.x(0);
    int width = layout.width() - 2 * layout.gap();
    int top = layout.colourBarTop();
    Mat ramp = new Mat(1, width, CvType.CV_32F);
    Mat colours = new Mat();
    Mat tall = new Mat();
    try {
      float[] values = new float[width];
      for (int x = 0; x < width; x++) {
        values[x] = width == 1 ? 0 : (float) x / (width - 1);
      }
      ramp.put(0, 0, values);
      OverlayRenderer.colourise(ramp, colours, colormap);
      Imgproc.resize(colours, tall, new Size(width, layout.colourBarHeight()), 0, 0,
          Imgproc.INTER_NEAREST);
      Mat target = canvas.submat(new Rect(left, top, width, layout.colourBarHeight()));
      try {
        tall.copyTo(target);
      } finally {
        target.release();
      }
    } finally {
      ramp.release();
      colours.release();
      tall.release();
    }
    int labelTop = top + layout.colourBarHeight();
    String[] labels = {"0", "relevance (" + colormap.displayName() + ")", "1"};
    for (int i = 0; i < labels.length; i++) {
      Size size = textSize(labels[i], layout.fontScale());
      int x = left + (int) ((width - size.width) * i / 2);
      int baseline = labelTop + (int) ((layout.lineHeight() + size.height) / 2);
      Imgproc.putText(canvas, labels[i], new Point(x, baseline), FONT, layout.fontScale(), BLACK,
          1, Imgproc.LINE_AA);
    }
  }

  /** Whether every title fits in {@link #MAX_TITLE_LINES} lines at this scale. */
  private static boolean allFit(List<List<String>> texts, int room, double scale) {
    for (List<String> row : texts) {
      for (String text : row) {
        if (wrap(text, room, scale).size() > MAX_TITLE_LINES) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Greedy word wrap to lines no wider than {@code room}; a word wider than a line is broken
   * between characters, so no character is ever dropped.
   */
  static List<String> wrap(String text, int room, double scale) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split(" +")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (textSize(candidate, scale).width <= room) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (textSize(rest, scale).width > room && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && textSize(rest.substring(0, cut), scale).width > room) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** The drawn size of one line of text. */
  private static Size textSize(String text, double scale) {
    OpenCvNatives.ensureLoaded();
    return Imgproc.getTextSize(text, FONT, scale, 1, new int[1]);
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
}
