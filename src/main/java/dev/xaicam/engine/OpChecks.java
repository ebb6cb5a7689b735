package dev.xaicam.engine;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The Java-side checks every op runs before TensorFlow sees it: TensorFlow's eager context runs
 * asynchronously under DJL, and a failing op poisons it for the rest of the process.
 */
final class OpChecks {

  /** Static checks only. */
  private OpChecks() {}

  /** The array behind one of this engine's tensors. */
  static NDArray nd(Tensor t) {
    if (!(t instanceof DjlTensor d)) {
      throw new IllegalArgumentException("not a tensor of this engine: " + t);
    }
    return d.array();
  }

  /**
   * The shape of {@code t}, checked to have {@code rank} dimensions, or at least {@code -rank}
   * when negative.
   */
  static int[] shapeOf(String what, Tensor t, int rank) {
    int[] shape = nd(t).getShape().isScalar() ? new int[0] : t.shape();
    boolean ok = rank >= 0 ? shape.length == rank : shape.length >= -rank;
    if (!ok) {
      throw new IllegalArgumentException(what + " must have " + (rank >= 0 ? "" : "at least ")
          + Math.abs(rank) + " dimensions, got " + Arrays.toString(shape));
    }
    return shape;
  }

  /** Fails with both operands' shapes when {@code ok} is false. */
  static void require(boolean ok, String op, Tensor a, Tensor b) {
    if (!ok) {
      throw new IllegalArgumentException(op + ": incompatible shapes " + Arrays.toString(a.shape())
          + " and " + Arrays.toString(b.shape()));
    }
  }

  /**
   * Fails with {@code message} when {@code ok} is false. The message is built only then: these
   * checks run on every op, and a message naming a record (a convolution's options) would call
   * its {@code toString}, whose first call in a process costs a method-handle bootstrap.
   */
  static void require(boolean ok, Supplier<String> message) {
    if (!ok) {
      throw new IllegalArgumentException(message.get());
    }
  }

  /** Fails unless both operands have the same element type (TensorFlow never promotes). */
  static void sameType(String op, Tensor a, Tensor b) {
    if (nd(a).getDataType() != nd(b).getDataType()) {
      throw new IllegalArgumentException(op + ": mixed element types " + nd(a).getDataType()
          + " and " + nd(b).getDataType());
    }
  }

  /** Fails unless the operands have equal shapes and types. */
  static void sameShapeAndType(String op, Tensor a, Tensor b) {
    require(Arrays.equals(a.shape(), b.shape()), op, a, b);
    sameType(op, a, b);
  }

  /** Fails unless the shapes broadcast under NumPy rules and the types match. */
  static void broadcastable(String op, Tensor a, Tensor b) {
    int[] as = a.shape();
    int[] bs = b.shape();
    for (int i = 1; i <= Math.min(as.length, bs.length); i++) {
      int da = as[as.length - i];
      int db = bs[bs.length - i];
      require(da == db || da == 1 || db == 1, op, a, b);
    }
    sameType(op, a, b);
  }

  /** Checks that {@code length} values fill {@code shape}. */
  static void checkSize(int length, int[] shape) {
    if (shape.length == 0) {
      throw new IllegalArgumentException("tensor shape must have at least one dimension");
    }
    long size = 1;
    for (int d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException("tensor dimensions must be positive, got "
            + Arrays.toString(shape));
      }
      size *= d;
    }
    if (size != length) {
      throw new IllegalArgumentException("got " + length + " values for shape "
          + Arrays.toString(shape) + " (" + size + " elements)");
    }
  }

  /**
   * The NHWC output shape of a convolution of an {@code input}-shaped map with a kernel of shape
   * {@code kernel}, failing when the channels disagree or no output position remains.
   */
  static int[] convOutput(String op, int[] input, int[] kernel, ConvOptions options) {
    require(input.length == 4 && kernel.length == 4 && input[3] == kernel[2],
        () -> op + ": input " + Arrays.toString(input) + " does not fit kernel "
            + Arrays.toString(kernel));
    int h = options.outputHeight(input[1], kernel[0]);
    int w = options.outputWidth(input[2], kernel[1]);
    require(h > 0 && w > 0, () -> op + ": kernel " + Arrays.toString(kernel) + " with " + options
        + " leaves no output of input " + Arrays.toString(input));
    return new int[] {input[0], h, w, kernel[3]};
  }

  /** The NHWC output shape of pooling an {@code input}-shaped map, failing when it is empty. */
  static int[] poolOutput(String op, int[] input, PoolOptions options) {
    require(input.length == 4, () -> op + ": input must be NHWC, got " + Arrays.toString(input));
    int h = options.outputHeight(input[1]);
    int w = options.outputWidth(input[2]);
    require(h > 0 && w > 0, () -> op + ": " + options + " leaves no output of input "
        + Arrays.toString(input));
    return new int[] {input[0], h, w, input[3]};
  }

  /** Fails unless {@code shape} has only positive dimensions. */
  static void positive(String op, int[] shape) {
    for (int d : shape) {
      require(d > 0, () -> op + ": dimensions must be positive, got " + Arrays.toString(shape));
    }
  }
}
