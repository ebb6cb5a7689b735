package dev.xaicam.engine;

import java.util.List;

/**
 * Owner of native tensors: every tensor an op returns belongs to the scope the op was called on
 * and is freed when that scope closes.
 *
 * <p>Layouts follow TensorFlow and Keras: images NHWC, conv kernels HWIO {@code (kh, kw, in,
 * out)}, dense kernels {@code (in, out)}. Ops run in the inputs' precision (float32, or float64
 * when every input is float64); inputs may belong to this scope or to any still-open scope.
 * Open scopes with try-with-resources where they are made.
 */
public interface TensorScope extends AutoCloseable {

  /** A float32 tensor holding {@code values} (row-major) with the given shape. */
  Tensor fromFloats(float[] values, int... shape);

  /** A float64 tensor holding {@code values} (row-major) with the given shape. */
  Tensor fromDoubles(double[] values, int... shape);

  /** 2-D convolution, stride 1, SAME padding: {@code (N,H,W,I) * (kh,kw,I,O) -> (N,H,W,O)}. */
  Tensor conv2d(Tensor x, Tensor kernel);

  /** Gradient of {@link #conv2d} w.r.t. its input of shape {@code inputShape}, given dL/dy. */
  Tensor conv2dBackpropInput(int[] inputShape, Tensor kernel, Tensor dy);

  /** Gradient of {@link #conv2d} w.r.t. its kernel of shape {@code kernelShape}, given dL/dy. */
  Tensor conv2dBackpropFilter(Tensor x, int[] kernelShape, Tensor dy);

  /** Adds the 1-D {@code bias} along the last axis. */
  Tensor biasAdd(Tensor x, Tensor bias);

  /** Gradient of {@link #biasAdd} w.r.t. the bias: dy summed over every axis but the last. */
  Tensor biasAddGrad(Tensor dy);

  /** max(x, 0) elementwise. */
  Tensor relu(Tensor x);

  /** Gradient through {@link #relu}: {@code dy} where the relu output {@code y > 0}, else 0. */
  Tensor reluGrad(Tensor dy, Tensor y);

  /** Max pooling with a 2x2 window and stride 2, VALID padding (Keras MaxPooling2D default). */
  Tensor maxPool2x2(Tensor x);

  /** Gradient through {@link #maxPool2x2}: each dy goes to its window's maximum in {@code x}. */
  Tensor maxPoolGrad(Tensor x, Tensor y, Tensor dy);

  /** Matrix product of 2-D tensors, optionally transposing either operand first. */
  Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB);

  /** Softmax over the last axis. */
  Tensor softmax(Tensor logits);

  /** The same values with a new shape of equal element count. */
  Tensor reshape(Tensor x, int... shape);

  /** Elementwise product with NumPy broadcasting. */
  Tensor multiply(Tensor a, Tensor b);

  /** Elementwise difference {@code a - b} with NumPy broadcasting. */
  Tensor subtract(Tensor a, Tensor b);

  /** Elementwise sum {@code a + b} with NumPy broadcasting. */
  Tensor add(Tensor a, Tensor b);

  /** {@code x * factor}, the factor taken in x's precision. */
  Tensor scale(Tensor x, double factor);

  /** Sum over the last axis, keeping it with size 1. */
  Tensor sumLastAxis(Tensor x);

  /**
   * Frees one tensor this scope owns before the scope closes, so long chains keep only what they
   * still need; using it afterwards fails.
   */
  void release(Tensor tensor);

  /** Opens a scope nested in this one; closing this scope also closes it. */
  TensorScope child();

  /** Frees every tensor owned by this scope and its children; idempotent. */
  @Override
  void close();

  /**
   * A tensor of {@code values} (row-major) with the given shape, in {@code like}'s precision, for
   * constants a layer combines with its inputs.
   */
  Tensor constantLike(Tensor like, double[] values, int... shape);

  /**
   * Depthwise 2-D convolution: {@code (N,H,W,C) * (kh,kw,C,M) -> (N,H',W',C*M)}, output channel
   * {@code c*M+m} from input channel c; {@code padding} is {@code SAME} or {@code VALID}, strides
   * and dilations are (height, width).
   */
  Tensor depthwiseConv2d(Tensor x, Tensor kernel, int[] strides, String padding, int[] dilations);

  /** Gradient of {@link #depthwiseConv2d} w.r.t. its input of shape {@code inputShape}. */
  Tensor depthwiseConv2dBackpropInput(
      int[] inputShape, Tensor kernel, Tensor dy, int[] strides, String padding, int[] dilations);

  /** Zero padding: {@code before[i]} and {@code after[i]} zeros around axis i. */
  Tensor pad(Tensor x, int[] before, int[] after);

  /** The block of {@code x} starting at {@code begin} with extent {@code size} on every axis. */
  Tensor slice(Tensor x, int[] begin, int[] size);

  /** The parts joined along {@code axis}; all other dimensions must agree. */
  Tensor concat(List<Tensor> parts, int axis);

  /** Sum over the given axes, keeping each as size 1. */
  Tensor reduceSum(Tensor x, int... axes);

  /** Mean over the given axes, keeping each as size 1. */
  Tensor reduceMean(Tensor x, int... axes);

  /** Maximum over the given axes, keeping each as size 1. */
  Tensor reduceMax(Tensor x, int... axes);

  /** {@code x} repeated along its size-1 axes to {@code shape} (NumPy broadcasting). */
  Tensor broadcastTo(Tensor x, int... shape);

  /** Elementwise maximum with NumPy broadcasting. */
  Tensor maximum(Tensor a, Tensor b);

  /** 1 where {@code a >= b}, else 0, in a's precision, with NumPy broadcasting. */
  Tensor greaterEqual(Tensor a, Tensor b);

  /** Elementwise quotient {@code a / b} with NumPy broadcasting. */
  Tensor divide(Tensor a, Tensor b);

  /** Elementwise square root. */
  Tensor sqrt(Tensor x);

  /** Elementwise {@code 1 / sqrt(x)}. */
  Tensor rsqrt(Tensor x);

  /**
   * Batched matrix product over the last two axes, the leading (batch) axes broadcast; either
   * operand's last two axes may be transposed first ({@code adjointA}, {@code adjointB}).
   */
  Tensor batchMatmul(Tensor a, Tensor b, boolean adjointA, boolean adjointB);
}
