package dev.xaicam.network;

import java.util.Arrays;

/**
 * One weight tensor as stored in a Keras HDF5 file: its shape and float32 values, row-major in
 * the stored order (conv kernels HWIO {@code (kh, kw, in, out)}, dense kernels {@code (in, out)},
 * biases {@code (out)}).
 *
 * @param shape dimensions, outermost first
 * @param values product(shape) floats, row-major
 */
public record WeightArray(int[] shape, float[] values) {

  /** Checks that the values fill the shape. */
  public WeightArray {
    long size = 1;
    for (int d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException("weight shape must be positive, got " + Arrays.toString(shape));
      }
      size *= d;
    }
    if (values.length != size) {
      throw new IllegalArgumentException(
          "weight values length " + values.length + " != product of shape " + Arrays.toString(shape));
    }
  }

  /** The shape as Keras prints it, for messages: {@code (3, 3, 64, 64)}. */
  public String shapeText() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightArray w && Arrays.equals(shape, w.shape) && Arrays.equals(values, w.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "WeightArray" + shapeText();
  }
}
