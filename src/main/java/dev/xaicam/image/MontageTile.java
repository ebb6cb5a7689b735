package dev.xaicam.image;

import dev.xaicam.cam.Heatmap;
import java.util.Objects;

/**
 * One method's result in a montage row: its heatmap, shown over the row's original picture, and
 * the title printed above it.
 *
 * @param title short text such as "gradcam++ · tabby 0.83" (non-ASCII characters other than '·'
 *     print as '?', since OpenCV's fonts are ASCII only)
 * @param heatmap normalised heatmap, values in [0, 1], any size
 */
public record MontageTile(String title, Heatmap heatmap) {

  /** Checks that both parts are present. */
  public MontageTile {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(heatmap, "heatmap");
  }
}
