package dev.xaicam.image;

import dev.xaicam.cam.Heatmap;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Copies pixels between Java arrays and OpenCV matrices, keeping OpenCV types out of public APIs. */
final class MatBridge {

  /** Not instantiable. */
  private MatBridge() {}

  /** A new 8-bit 3-channel matrix holding a copy of the image's BGR samples. */
  static Mat toMat(DecodedImage image) {
    OpenCvNatives.ensureLoaded();
    Mat mat = new Mat(image.height(), image.width(), CvType.CV_8UC3);
    mat.put(0, 0, image.bgr());
    return mat;
  }

  /** A new single-channel float matrix holding a copy of the heatmap's values. */
  static Mat toMat(Heatmap heatmap) {
    OpenCvNatives.ensureLoaded();
    Mat mat = new Mat(heatmap.height(), heatmap.width(), CvType.CV_32FC1);
    mat.put(0, 0, heatmap.values());
    return mat;
  }

  /** The samples of an 8-bit 3-channel matrix as a decoded image from the given source. */
  static DecodedImage toImage(Path source, Mat bgr8) {
    if (bgr8.type() != CvType.CV_8UC3) {
      throw new IllegalArgumentException("expected an 8-bit BGR matrix, got " + CvType.typeToString(bgr8.type()));
    }
    Mat continuous = bgr8.isContinuous() ? bgr8 : bgr8.clone();
    try {
      byte[] samples = new byte[Math.multiplyExact(3, Math.multiplyExact(bgr8.rows(), bgr8.cols()))];
      continuous.get(0, 0, samples);
      return new DecodedImage(source, bgr8.cols(), bgr8.rows(), samples);
    } finally {
      if (continuous != bgr8) {
        continuous.release();
      }
    }
  }
}
