package dev.xaicam.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** A {@link Tensor} backed by one DJL TensorFlow array. */
final class DjlTensor implements Tensor {
  /** The native array; its manager is the owning scope's manager. */
  private final NDArray array;

  /** Memory the array reads in place (a mapped weight file), kept reachable while this lives; or null. */
  private final Object borrowed;

  /** Wraps an array the caller's scope already owns. */
  DjlTensor(NDArray array) {
    this(array, null);
  }

  /** Wraps an array that reads {@code borrowed} in place, which must outlive it. */
  DjlTensor(NDArray array, Object borrowed) {
    this.array = array;
    this.borrowed = borrowed;
  }

  /** The live native array; fails clearly instead of touching freed native memory. */
  NDArray array() {
    if (array.isReleased()) {
      throw new IllegalStateException("tensor was used after its scope closed or it was released");
    }
    return array;
  }

  /** Whether the values are float64. */
  boolean isDouble() {
    return array().getDataType() == DataType.FLOAT64;
  }

  @Override
  public int[] shape() {
    long[] dims = array().getShape().getShape();
    int[] shape = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = Math.toIntExact(dims[i]);
    }
    return shape;
  }

  @Override
  public float[] toFloats() {
    NDArray a = array();
    if (a.getDataType() == DataType.FLOAT32) {
      return a.toFloatArray();
    }
    double[] d = toDoubles();
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  @Override
  public double[] toDoubles() {
    NDArray a = array();
    if (a.getDataType() == DataType.FLOAT64) {
      return a.toDoubleArray();
    }
    float[] f = a.toFloatArray();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  @Override
  public String toString() {
    return array.isReleased() ? "Tensor[released]"
        : "Tensor" + array.getShape() + " " + array.getDataType();
  }
}
