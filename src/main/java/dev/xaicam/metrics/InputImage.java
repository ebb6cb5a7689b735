package dev.xaicam.metrics;

/**
 * An image at the model's input size in its 0..255 pixel space, row-major H x W x C.
 *
 * @param height rows H
 * @param width columns W
 * @param channels channels C
 * @param values length H*W*C
 */
public record InputImage(int height, int width, int channels, float[] values) {

  /** Checks that the values fill the stated shape. */
  public InputImage {
    if (height <= 0 || width <= 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "image shape must be positive, got " + height + "x" + width + "x" + channels);
    }
    if (values == null || values.length != height * width * channels) {
      throw new IllegalArgumentException(
          "image length " + (values == null ? "null" : values.length) + " != H*W*C = "
              + height * width * channels);
    }
  }

  /** H*W, the number of pixels. */
  public int pixels() {
    return height * width;
  }

  /** Fails unless the classifier takes images of this shape. */
  void requireShapeOf(Classifier classifier) {
    if (classifier.height() != height || classifier.width() != width
        || classifier.channels() != channels) {
      throw new IllegalArgumentException(
          "image is " + height + "x" + width + "x" + channels + " but the classifier takes "
              + classifier.height() + "x" + classifier.width() + "x" + classifier.channels());
    }
  }
}
