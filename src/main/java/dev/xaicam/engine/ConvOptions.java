package dev.xaicam.engine;

/**
 * How a 2-D convolution moves over its input: strides, padding and dilation per spatial axis.
 *
 * @param strideH step between output rows, >= 1
 * @param strideW step between output columns, >= 1
 * @param padding SAME or VALID
 * @param dilationH spacing of kernel rows over the input, >= 1
 * @param dilationW spacing of kernel columns over the input, >= 1
 */
public record ConvOptions(int strideH, int strideW, Padding padding, int dilationH, int dilationW) {
  /** Stride 1, SAME padding, no dilation: Keras's 3x3 "same" convolution. */
  public static final ConvOptions UNIT_SAME = new ConvOptions(1, 1, Padding.SAME, 1, 1);

  /** Checks that strides and dilations are positive. */
  public ConvOptions {
    if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1) {
      throw new IllegalArgumentException("strides and dilations must be >= 1, got strides "
          + strideH + "x" + strideW + ", dilations " + dilationH + "x" + dilationW);
    }
    if (padding == null) {
      throw new IllegalArgumentException("padding must be SAME or VALID, got null");
    }
  }

  /** Whether the kernel is dilated along either axis. */
  public boolean dilated() {
    return dilationH > 1 || dilationW > 1;
  }

  /** Output height for an input of {@code height} rows and a kernel of {@code kernelH} rows. */
  public int outputHeight(int height, int kernelH) {
    return padding.outputSize(height, kernelH, strideH, dilationH);
  }

  /** Output width for an input of {@code width} columns and a kernel of {@code kernelW} columns. */
  public int outputWidth(int width, int kernelW) {
    return padding.outputSize(width, kernelW, strideW, dilationW);
  }

  /** TensorFlow's NHWC strides attribute. */
  long[] stridesAttr() {
    return new long[] {1, strideH, strideW, 1};
  }

  /** TensorFlow's NHWC dilations attribute. */
  long[] dilationsAttr() {
    return new long[] {1, dilationH, dilationW, 1};
  }
}
