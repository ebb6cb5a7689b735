package dev.xaicam.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One row of a montage: the original picture, then one overlay tile per method (or per model).
 *
 * @param original the decoded picture, shown first
 * @param title the text above the original: its file name, or more (a model comparison adds the
 *     class every model explains)
 * @param tiles the overlays, left to right; may be empty
 */
public record MontageRow(DecodedImage original, String title, List<MontageTile> tiles) {

  /** Checks presence and freezes the tile list. */
  public MontageRow {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(title, "title");
    tiles = List.copyOf(Objects.requireNonNull(tiles, "tiles"));
  }

  /** A row whose original is titled with its file name. */
  public MontageRow(DecodedImage original, List<MontageTile> tiles) {
    this(original, fileName(Objects.requireNonNull(original, "original").source()), tiles);
  }

  /** The file name alone, for the original's title. */
  private static String fileName(Path source) {
    Path name = source.getFileName();
    return name == null ? source.toString() : name.toString();
  }
}
