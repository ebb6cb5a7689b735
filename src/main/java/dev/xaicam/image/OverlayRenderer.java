package dev.xaicam.image;

import dev.xaicam.cam.Heatmap;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Paints heatmaps in a colour map (JET unless told otherwise: blue cold, red hot) and blends them
 * over the original picture, returning PNG bytes; the caller writes them to disk. Stateless and
 * thread-safe.
 */
public final class OverlayRenderer {

  /** The heatmap in JET over the image at the image's own size, as PNG bytes. */
  public byte[] overlayPng(DecodedImage image, Heatmap heatmap, double alpha) {
    return overlayPng(image, heatmap, alpha, Colormap.JET);
  }

  /** The heatmap in {@code colormap} over the image at the image's own size, as PNG bytes. */
  public byte[] overlayPng(DecodedImage image, Heatmap heatmap, double alpha, Colormap colormap) {
    Mat overlay = overlay(image, heatmap, alpha, colormap);
    try {
      return encodePng(overlay);
    } finally {
      overlay.release();
    }
  }

  /** The heatmap alone in the JET colour map at the heatmap's own size, as PNG bytes. */
  public byte[] heatmapPng(Heatmap heatmap) {
    return heatmapPng(heatmap, Colormap.JET);
  }

  /** The heatmap alone in {@code colormap} at the heatmap's own size, as PNG bytes. */
  public byte[] heatmapPng(Heatmap heatmap, Colormap colormap) {
    checkHeatmap(heatmap);
    Mat values = MatBridge.toMat(heatmap);
    Mat jet = new Mat();
    try {
      colourise(values, jet, colormap);
      return encodePng(jet);
    } finally {
      values.release();
      jet.release();
    }
  }

  /**
   * A small JPEG of the image, or of the heatmap over it when {@code heatmap} is not null, its
   * longer edge {@code maxEdge} pixels (never enlarged): gallery thumbnails.
   */
  public byte[] thumbnailJpeg(DecodedImage image, Heatmap heatmap, double alpha,
      Colormap colormap, int maxEdge) {
    if (maxEdge < 1) {
      throw new IllegalArgumentException("thumbnail edge must be >= 1, got " + maxEdge);
    }
    Mat full = heatmap == null ? MatBridge.toMat(image) : overlay(image, heatmap, alpha, colormap);
    Mat small = new Mat();
    MatOfByte jpeg = new MatOfByte();
    try {
      double scale = Math.min(1.0, (double) maxEdge / Math.max(image.width(), image.height()));
      Imgproc.resize(full, small, new Size(Math.max(1, Math.round(image.width() * scale)),
          Math.max(1, Math.round(image.height() * scale))), 0, 0, Imgproc.INTER_AREA);
      if (!Imgcodecs.imencode(".jpg", small, jpeg,
          new org.opencv.core.MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 85))) {
        throw new IllegalStateException("OpenCV could not encode a " + small.size() + " JPEG");
      }
      return jpeg.toArray();
    } finally {
      full.release();
      small.release();
      jpeg.release();
    }
  }

  /**
   * A new 8-bit BGR matrix: (1 - alpha) * image + alpha * colormap(heatmap), the heatmap
   * stretched bilinearly to the image's size. Package-private for the montage, which tiles these.
   */
  static Mat overlay(DecodedImage image, Heatmap heatmap, double alpha, Colormap colormap) {
    if (image == null) {
      throw new IllegalArgumentException("image must not be null");
    }
    checkHeatmap(heatmap);
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    Mat picture = MatBridge.toMat(image);
    Mat values = MatBridge.toMat(heatmap);
    Mat stretched = new Mat();
    Mat jet = new Mat();
    Mat blended = new Mat();
    try {
      Imgproc.resize(
          values, stretched, new Size(image.width(), image.height()), 0, 0, Imgproc.INTER_LINEAR);
      colourise(stretched, jet, colormap);
      Core.addWeighted(picture, 1 - alpha, jet, alpha, 0, blended);
      return blended;
    } catch (RuntimeException e) {
      blended.release();
      throw e;
    } finally {
      picture.release();
      values.release();
      stretched.release();
      jet.release();
    }
  }

  /** Values in [0, 1] to colours: round(v * 255) to 8 bits, then the colour map (BGR out). */
  static void colourise(Mat values, Mat out, Colormap colormap) {
    Mat levels = new Mat();
    try {
      values.convertTo(levels, CvType.CV_8U, 255.0);
      Imgproc.applyColorMap(levels, out, colormap.openCvCode());
    } finally {
      levels.release();
    }
  }

  /** PNG bytes of an 8-bit matrix. */
  static byte[] encodePng(Mat mat) {
    MatOfByte png = new MatOfByte();
    try {
      if (!Imgcodecs.imencode(".png", mat, png)) {
        throw new IllegalStateException("OpenCV could not encode a " + mat.size() + " PNG");
      }
      return png.toArray();
    } finally {
      png.release();
    }
  }

  /** Rejects a missing heatmap or one with a value outside [0, 1] (NaN included), naming it. */
  static void checkHeatmap(Heatmap heatmap) {
    if (heatmap == null) {
      throw new IllegalArgumentException("heatmap must not be null");
    }
    float[] v = heatmap.values();
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= 0f && v[i] <= 1f)) {
        throw new IllegalArgumentException(
            "heatmap values must be normalised to [0, 1], got " + v[i] + " at row "
                + i / heatmap.width() + ", column " + i % heatmap.width());
      }
    }
  }
}
