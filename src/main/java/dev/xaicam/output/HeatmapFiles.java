package dev.xaicam.output;

import dev.xaicam.cam.Heatmap;
import dev.xaicam.cam.RawMap;
import dev.xaicam.image.Colormap;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.OverlayRenderer;
import dev.xaicam.output.ImageReport.ClassScore;
import dev.xaicam.output.ImageReport.HeatmapOutput;
import java.nio.file.Path;

/**
 * Writes one heatmap's files where the {@link OutputLayout} puts them: the overlay, the {@code
 * .npy}, and the {@code .raw.npy}.
 */
public final class HeatmapFiles {
  /** Where the files go. */
  private final OutputLayout layout;
  /** Overlay opacity in [0, 1]. */
  private final double alpha;
  /** The overlays' colour map. */
  private final Colormap colormap;
  /** Where the bytes are stored. */
  private final OutputStore store;
  /** Draws the overlays. */
  private final OverlayRenderer overlays = new OverlayRenderer();

  /**
   * Writes files named by {@code layout} into {@code store}, overlays at opacity {@code alpha} in
   * {@code colormap}.
   */
  public HeatmapFiles(OutputLayout layout, double alpha, Colormap colormap, OutputStore store) {
    this.layout = layout;
    this.alpha = alpha;
    this.colormap = colormap;
    this.store = store;
  }

  /**
   * Writes the files of {@code method}'s heatmap of {@code target} for the image at {@code base}:
   * {@code raw} is the method's map before ReLU, upsampling and normalisation, written as float64
   * with its scale factor applied, so maps of different images compare in magnitude.
   */
  public HeatmapOutput write(Path base, DecodedImage image, String method, ClassScore target, Heatmap heatmap,
      RawMap raw) {
    Path png = layout.png(base, method, target.index());
    store.write(png, overlays.overlayPng(image, heatmap, alpha, colormap));
    Path npy = layout.npy(base, method, target.index());
    if (npy != null) {
      store.write(npy, NpyFile.encode(heatmap.values(), heatmap.height(), heatmap.width()));
    }
    Path rawFile = layout.raw(base, method, target.index());
    if (rawFile != null) {
      double scale = Math.exp(raw.logScale());
      double[] values = new double[raw.values().length];
      for (int i = 0; i < values.length; i++) {
        values[i] = raw.values()[i] * scale;
      }
      store.write(rawFile, NpyFile.encode(values, raw.height(), raw.width()));
    }
    return new HeatmapOutput(method, target, png, npy, rawFile);
  }
}
