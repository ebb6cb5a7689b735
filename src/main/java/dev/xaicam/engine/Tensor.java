package dev.xaicam.engine;

/**
 * An opaque handle to a native tensor (float32, or float64 when built from doubles), owned by the
 * {@link TensorScope} that created it and unusable once that scope closes.
 */
public interface Tensor {

  /** Dimensions, outermost first (NHWC for images, HWIO for conv kernels). */
  int[] shape();

  /** Total number of elements, the product of {@link #shape()}. */
  default long size() {
    long n = 1;
    for (int d : shape()) {
      n *= d;
    }
    return n;
  }

  /** The values copied to Java, row-major; float64 tensors are narrowed. */
  float[] toFloats();

  /** The values copied to Java, row-major; float32 tensors are widened exactly. */
  double[] toDoubles();
}
