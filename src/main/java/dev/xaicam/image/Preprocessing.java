package dev.xaicam.image;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * How a decoded image becomes a model's input tensor: bilinear resize of the 8-bit pixels (as the
 * seed notebook's {@code cv2.resize}), then a per-mode channel order and scaling.
 */
public enum Preprocessing {
  /** Keras VGG16 "caffe" mode: BGR order, minus the ImageNet channel means, no scaling. */
  CAFFE,
  /** RGB order, each sample divided by 255 into [0, 1]. */
  UNIT_SCALE;

  /** Keras's ImageNet means in B, G, R order, as float32 like NumPy's in-place subtraction. */
  private static final float[] CAFFE_MEANS_BGR = {103.939f, 116.779f, 123.68f};

  /**
   * The image resized to height x width and converted for the model: one image, NHWC, length
   * height*width*3.
   *
   * <p>The resize works on the 8-bit samples, rounding to 8 bits as {@code cv2.resize} does on a
   * uint8 array, so values match the notebook's; it commutes with channel order, so the notebook's
   * RGB round trip needs no counterpart here.
   */
  public float[] toModelInput(DecodedImage image, int height, int width) {
    if (image == null) {
      throw new IllegalArgumentException("image must not be null");
    }
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("model input size must be positive, got " + height + "x" + width);
    }
    byte[] bgr = resizedBgr(image, height, width);
    float[] out = new float[bgr.length];
    for (int p = 0; p < bgr.length; p += 3) {
      int b = bgr[p] & 0xFF;
      int g = bgr[p + 1] & 0xFF;
      int r = bgr[p + 2] & 0xFF;
      switch (this) {
        case CAFFE -> {
          out[p] = b - CAFFE_MEANS_BGR[0];
          out[p + 1] = g - CAFFE_MEANS_BGR[1];
          out[p + 2] = r - CAFFE_MEANS_BGR[2];
        }
        case UNIT_SCALE -> {
          out[p] = r / 255f;
          out[p + 1] = g / 255f;
          out[p + 2] = b / 255f;
        }
      }
    }
    return out;
  }

  /** The image's BGR samples at the given size, bilinear (OpenCV's half-pixel rule). */
  private static byte[] resizedBgr(DecodedImage image, int height, int width) {
    if (image.height() == height && image.width() == width) {
      return image.bgr(); // cv2.resize to the same size copies the pixels unchanged
    }
    Mat source = MatBridge.toMat(image);
    Mat resized = new Mat();
    try {
      Imgproc.resize(source, resized, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
      return MatBridge.toImage(image.source(), resized).bgr();
    } finally {
      source.release();
      resized.release();
    }
  }
}
