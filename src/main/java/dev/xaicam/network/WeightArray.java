package dev.xaicam.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One weight tensor as stored in a Keras HDF5 file: its shape and float32 values, row-major in
 * the stored order (conv kernels HWIO {@code (kh, kw, in, out)}, dense kernels {@code (in, out)},
 * biases {@code (out)}). The values live on the heap, or in a memory-mapped weight cache that
 * {@link GraphNetwork#create} hands to the engine without copying.
 */
public final class WeightArray {
  /** Dimensions, outermost first. */
  private final int[] shape;
  /** The values on the heap, or null when mapped. */
  private final float[] values;
  /** The values as little-endian float32 bytes in a direct buffer, or null when on the heap. */
  private final ByteBuffer mapped;

  /**
   * Values on the heap.
   *
   * @param shape dimensions, outermost first
   * @param values product(shape) floats, row-major
   */
  public WeightArray(int[] shape, float[] values) {
    this(shape, values, null, values.length);
  }

  /** Checks that the values fill the shape. */
  private WeightArray(int[] shape, float[] values, ByteBuffer mapped, long length) {
    long size = 1;
    for (int d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException("weight shape must be positive, got " + Arrays.toString(shape));
      }
      size *= d;
    }
    if (length != size) {
      throw new IllegalArgumentException(
          "weight values length " + length + " != product of shape " + Arrays.toString(shape));
    }
    this.shape = shape;
    this.values = values;
    this.mapped = mapped;
  }

  /**
   * Values read in place from {@code littleEndianFloats} (a direct buffer, position to limit),
   * which must not change while any network built from them lives.
   */
  public static WeightArray mapped(int[] shape, ByteBuffer littleEndianFloats) {
    if (!littleEndianFloats.isDirect() || littleEndianFloats.remaining() % Float.BYTES != 0) {
      throw new IllegalArgumentException("mapped weights need a direct buffer of whole floats");
    }
    ByteBuffer view = littleEndianFloats.slice().order(ByteOrder.LITTLE_ENDIAN);
    return new WeightArray(shape.clone(), null, view, view.remaining() / Float.BYTES);
  }

  /** Dimensions, outermost first. */
  public int[] shape() {
    return shape;
  }

  /** The values, row-major: the array itself when on the heap, a fresh copy when mapped. */
  public float[] values() {
    if (values != null) {
      return values;
    }
    float[] copy = new float[mapped.remaining() / Float.BYTES];
    mapped.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(copy);
    return copy;
  }

  /** The mapped little-endian bytes (a read-only view), or null when the values are on the heap. */
  public ByteBuffer mappedBytes() {
    return mapped == null ? null : mapped.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Number of values. */
  public int size() {
    return values != null ? values.length : mapped.remaining() / Float.BYTES;
  }

  /** The shape as Keras prints it, for messages: {@code (3, 3, 64, 64)}. */
  public String shapeText() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }

  /** Equal shapes and equal values, wherever each side's values live. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WeightArray w) || !Arrays.equals(shape, w.shape)) {
      return false;
    }
    if (values != null && w.values != null) {
      return Arrays.equals(values, w.values);
    }
    return Arrays.equals(values(), w.values());
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values());
  }

  @Override
  public String toString() {
    return "WeightArray" + shapeText();
  }
}
