package dev.xaicam.output;

import dev.xaicam.cam.Heatmap;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.OverlayRenderer;
import dev.xaicam.output.ImageReport.ClassScore;
import dev.xaicam.output.ImageReport.HeatmapOutput;
import java.nio.file.Path;

/** Writes one heatmap's files where the {@link OutputLayout} puts them: the overlay, and the {@code .npy}. */
public final class HeatmapFiles {
  /** Where the files go. */
  private final OutputLayout layout;
  /** Overlay opacity in [0, 1]. */
  private final double alpha;
  /** Where the bytes are stored. */
  private final OutputStore store;
  /** Draws the overlays. */
  private final OverlayRenderer overlays = new OverlayRenderer();

  /** Writes files named by {@code layout} into {@code store}, overlays at opacity {@code alpha}. */
  public HeatmapFiles(OutputLayout layout, double alpha, OutputStore store) {
    this.layout = layout;
    this.alpha = alpha;
    this.store = store;
  }

  /** Writes the files of {@code method}'s heatmap of {@code target} for the image at {@code base}. */
  public HeatmapOutput write(Path base, DecodedImage image, String method, ClassScore target, Heatmap heatmap) {
    Path png = layout.png(base, method, target.index());
    store.write(png, overlays.overlayPng(image, heatmap, alpha));
    Path npy = layout.npy(base, method, target.index());
    if (npy != null) {
      store.write(npy, NpyFile.encode(heatmap.values(), heatmap.height(), heatmap.width()));
    }
    return new HeatmapOutput(method, target, png, npy);
  }
}
