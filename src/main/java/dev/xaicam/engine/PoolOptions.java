package dev.xaicam.engine;

/**
 * A 2-D pooling window: its size, its strides and padding. With SAME padding, average pooling
 * divides by the cells inside the input only, as TensorFlow (and so Keras) does.
 *
 * @param windowH window rows, >= 1
 * @param windowW window columns, >= 1
 * @param strideH step between output rows, >= 1
 * @param strideW step between output columns, >= 1
 * @param padding SAME or VALID
 */
public record PoolOptions(int windowH, int windowW, int strideH, int strideW, Padding padding) {
  /** Keras MaxPooling2D's default: a 2x2 window moved by 2, VALID. */
  public static final PoolOptions TWO_BY_TWO = new PoolOptions(2, 2, 2, 2, Padding.VALID);

  /** Checks that window and strides are positive. */
  public PoolOptions {
    if (windowH < 1 || windowW < 1 || strideH < 1 || strideW < 1) {
      throw new IllegalArgumentException("pool window and strides must be >= 1, got window "
          + windowH + "x" + windowW + ", strides " + strideH + "x" + strideW);
    }
    if (padding == null) {
      throw new IllegalArgumentException("padding must be SAME or VALID, got null");
    }
  }

  /** Output height for an input of {@code height} rows. */
  public int outputHeight(int height) {
    return padding.outputSize(height, windowH, strideH, 1);
  }

  /** Output width for an input of {@code width} columns. */
  public int outputWidth(int width) {
    return padding.outputSize(width, windowW, strideW, 1);
  }

  /** TensorFlow's NHWC ksize attribute. */
  long[] windowAttr() {
    return new long[] {1, windowH, windowW, 1};
  }

  /** TensorFlow's NHWC strides attribute. */
  long[] stridesAttr() {
    return new long[] {1, strideH, strideW, 1};
  }
}
