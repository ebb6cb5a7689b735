package dev.xaicam.image;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A picture shrunk to fit a square, for figures that must hold many pictures at once (a model
 * comparison keeps one per image while each model in turn runs over all of them).
 */
public final class Thumbnail {
  /** Static factory only. */
  private Thumbnail() {}

  /**
   * {@code image} with its longer edge {@code maxEdge} pixels, aspect kept (each side at least 1
   * pixel), averaged by area; an image already that small is returned as it is, never enlarged.
   */
  public static DecodedImage fit(DecodedImage image, int maxEdge) {
    if (maxEdge < 1) {
      throw new IllegalArgumentException("thumbnail edge must be >= 1, got " + maxEdge);
    }
    double scale = (double) maxEdge / Math.max(image.width(), image.height());
    if (scale >= 1) {
      return image;
    }
    Mat full = MatBridge.toMat(image);
    Mat small = new Mat();
    try {
      Imgproc.resize(full, small, new Size(Math.max(1, Math.round(image.width() * scale)),
          Math.max(1, Math.round(image.height() * scale))), 0, 0, Imgproc.INTER_AREA);
      return MatBridge.toImage(image.source(), small);
    } finally {
      full.release();
      small.release();
    }
  }
}
