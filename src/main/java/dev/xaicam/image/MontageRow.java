package dev.xaicam.image;

import java.util.List;
import java.util.Objects;

/**
 * One row of a montage: the original picture, then one overlay tile per method.
 *
 * @param original the decoded picture, shown first and titled with its file name
 * @param tiles the overlays, left to right; may be empty
 */
public record MontageRow(DecodedImage original, List<MontageTile> tiles) {

  /** Checks presence and freezes the tile list. */
  public MontageRow {
    Objects.requireNonNull(original, "original");
    tiles = List.copyOf(Objects.requireNonNull(tiles, "tiles"));
  }
}
