package dev.xaicam.output;

import dev.xaicam.cam.Heatmap;
import dev.xaicam.image.Colormap;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.Montage;
import dev.xaicam.image.MontageRow;
import dev.xaicam.image.MontageTile;
import dev.xaicam.output.ImageReport.ClassScore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --montage} picture: collects a row per explained image (or per image compared across
 * models) and writes them at the end.
 */
public final class MontageFile {
  /** Tile edge in pixels: pictures larger than this are shrunk for the figure anyway. */
  public static final int TILE_SIZE = 256;
  /** Where the picture goes. */
  private final Path target;
  /** Heatmap opacity over the original in each overlay tile. */
  private final double alpha;
  /** The overlays' and the colour bar's colour map. */
  private final Colormap colormap;
  /** The line above the figure: model, layer, target. */
  private final String heading;
  /** The rows collected so far. */
  private final List<MontageRow> rows = new ArrayList<>();
  /** The tiles of the image being collected. */
  private final List<MontageTile> tiles = new ArrayList<>();

  /** A montage to be written to {@code target}: overlays at {@code alpha} in {@code colormap}, under {@code heading}. */
  public MontageFile(Path target, double alpha, Colormap colormap, String heading) {
    this.target = target;
    this.alpha = alpha;
    this.colormap = colormap;
    this.heading = heading;
  }

  /** Adds a tile titled "method - class probability" to the current image's row. */
  public void addTile(String method, ClassScore target, Heatmap heatmap) {
    tiles.add(new MontageTile(method + " - " + target.name() + " " + probabilityText(target.probability()), heatmap));
  }

  /** Ends the current image's row, with its original picture first. */
  public void endRow(DecodedImage original) {
    rows.add(new MontageRow(original, List.copyOf(tiles)));
    tiles.clear();
  }

  /**
   * Adds a model comparison's row: the image titled with its file name and the class every model
   * explained, then one tile per model titled with the model and its probability for that class,
   * and its own top class where that is another one.
   */
  public void addRow(ComparedImage image) {
    List<MontageTile> models = new ArrayList<>();
    for (ComparedImage.ModelResult result : image.models()) {
      String title = result.model() + " - " + probabilityText(result.target().probability());
      if (result.top().index() != result.target().index()) {
        title += ", top " + result.top().name() + " " + probabilityText(result.top().probability());
      }
      models.add(new MontageTile(title, result.heatmap()));
    }
    Path name = image.input().getFileName();
    rows.add(new MontageRow(image.thumbnail(), (name == null ? image.input() : name) + " - class "
        + image.className() + " (" + image.classIndex() + ")", models));
  }

  /** Writes the picture, if any image was explained. */
  public void write() {
    if (!rows.isEmpty()) {
      AtomicFile.write(target, new Montage().png(rows, TILE_SIZE, alpha, colormap, heading));
    }
  }

  /** 0.83 for ordinary probabilities, 1.2e-03 for tiny ones that would print as 0.00. */
  static String probabilityText(double p) {
    return String.format(Locale.ROOT, p >= 0.01 ? "%.2f" : "%.1e", p);
  }
}
