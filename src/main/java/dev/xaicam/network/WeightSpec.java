package dev.xaicam.network;

import java.util.Arrays;

/**
 * One weight a layer expects: its role as Keras names it and its shape.
 *
 * @param role Keras's variable name without the layer prefix ({@code kernel}, {@code bias},
 *     {@code gamma}, {@code moving_mean}, {@code depthwise_kernel}, ...)
 * @param shape dimensions in Keras's layout (conv kernels HWIO, dense kernels (in, out))
 */
record WeightSpec(String role, int[] shape) {

  /** Copies the shape so the record stays immutable. */
  WeightSpec {
    shape = shape.clone();
  }

  /** A copy of the shape. */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** Number of scalars. */
  long size() {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightSpec w && role.equals(w.role) && Arrays.equals(shape, w.shape);
  }

  @Override
  public int hashCode() {
    return 31 * role.hashCode() + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return role + Arrays.toString(shape);
  }
}
