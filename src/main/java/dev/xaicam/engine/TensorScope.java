package dev.xaicam.engine;

import java.util.List;

/**
 * Owner of native tensors: every tensor an op returns belongs to the scope the op was called on
 * and is freed when that scope closes.
 *
 * <p>Layouts follow TensorFlow and Keras: images NHWC, conv kernels HWIO {@code (kh, kw, in,
 * out)}, dense kernels {@code (in, out)}. Ops run in the inputs' precision (float32, or float64
 * when every input is float64); inputs may belong to this scope or to any still-open scope.
 * Every op checks shapes and types before TensorFlow sees the call. Open scopes with
 * try-with-resources where they are made.
 *
 * <p>Gradient ops take dL/dy first, then what the forward pass saved ({@code x} or {@code y}).
 */
public interface TensorScope extends AutoCloseable {

  /** A float32 tensor holding {@code values} (row-major) with the given shape. */
  Tensor fromFloats(float[] values, int... shape);

  /** A float64 tensor holding {@code values} (row-major) with the given shape. */
  Tensor fromDoubles(double[] values, int... shape);

  /**
   * A float32 tensor that reads {@code littleEndianFloats} (a direct buffer, row-major, from its
   * position to its limit) in place, without copying: for weights memory-mapped from a file.
   * The tensor keeps the buffer reachable; the values must not change while it lives.
   */
  Tensor borrowFloats(java.nio.ByteBuffer littleEndianFloats, int... shape);

  /** 2-D convolution {@code (N,H,W,I) * (kh,kw,I,O) -> (N,H',W',O)} moved as {@code options}. */
  Tensor conv2d(Tensor x, Tensor kernel, ConvOptions options);

  /** Gradient of {@link #conv2d} w.r.t. its input of shape {@code inputShape}, given dL/dy. */
  Tensor conv2dBackpropInput(int[] inputShape, Tensor kernel, Tensor dy, ConvOptions options);

  /** Gradient of {@link #conv2d} w.r.t. its kernel of shape {@code kernelShape}, given dL/dy. */
  Tensor conv2dBackpropFilter(Tensor x, int[] kernelShape, Tensor dy, ConvOptions options);

  /** Adds the 1-D {@code bias} along the last axis. */
  Tensor biasAdd(Tensor x, Tensor bias);

  /** Gradient of {@link #biasAdd} w.r.t. the bias: dy summed over every axis but the last. */
  Tensor biasAddGrad(Tensor dy);

  /** Max pooling of an NHWC map. */
  Tensor maxPool(Tensor x, PoolOptions options);

  /** Gradient through {@link #maxPool}: each dy goes to its window's (first) maximum in x. */
  Tensor maxPoolGrad(Tensor x, Tensor y, Tensor dy, PoolOptions options);

  /** Average pooling of an NHWC map; SAME windows average only the cells inside the input. */
  Tensor avgPool(Tensor x, PoolOptions options);

  /** Gradient through {@link #avgPool} to an input of shape {@code inputShape}. */
  Tensor avgPoolGrad(int[] inputShape, Tensor dy, PoolOptions options);

  /** max(x, 0) elementwise. */
  Tensor relu(Tensor x);

  /** Gradient through {@link #relu}: {@code dy} where the relu output {@code y > 0}, else 0. */
  Tensor reluGrad(Tensor dy, Tensor y);

  /** min(max(x, 0), 6) elementwise. */
  Tensor relu6(Tensor x);

  /** Gradient through {@link #relu6}: dy where 0 < x < 6 ({@code x} may be input or output). */
  Tensor relu6Grad(Tensor dy, Tensor x);

  /** 1 / (1 + e^-x) elementwise. */
  Tensor sigmoid(Tensor x);

  /** Gradient through {@link #sigmoid} from its output: dy * y * (1 - y). */
  Tensor sigmoidGrad(Tensor dy, Tensor y);

  /** tanh(x) elementwise. */
  Tensor tanh(Tensor x);

  /** Gradient through {@link #tanh} from its output: dy * (1 - y^2). */
  Tensor tanhGrad(Tensor dy, Tensor y);

  /** x for x > 0, e^x - 1 otherwise. */
  Tensor elu(Tensor x);

  /** Gradient through {@link #elu} from its output: dy where y > 0, dy * (y + 1) otherwise. */
  Tensor eluGrad(Tensor dy, Tensor y);

  /** Scaled ELU with Klambauer et al.'s constants (scale 1.0507..., alpha 1.6732...). */
  Tensor selu(Tensor x);

  /** Gradient through {@link #selu} from its output. */
  Tensor seluGrad(Tensor dy, Tensor y);

  /** log(1 + e^x) elementwise. */
  Tensor softplus(Tensor x);

  /** Gradient through {@link #softplus} from its input: dy * sigmoid(x). */
  Tensor softplusGrad(Tensor dy, Tensor x);

  /** x for x > 0, alpha * x otherwise. */
  Tensor leakyRelu(Tensor x, double alpha);

  /** Gradient through {@link #leakyRelu} from its input. */
  Tensor leakyReluGrad(Tensor dy, Tensor x, double alpha);

  /** The Gauss error function elementwise. */
  Tensor erf(Tensor x);

  /** e^x elementwise. */
  Tensor exp(Tensor x);

  /** 1 where {@code x > threshold}, else 0, in x's precision (a mask for composed gradients). */
  Tensor greater(Tensor x, double threshold);

  /** min(max(x, low), high) elementwise. */
  Tensor clip(Tensor x, double low, double high);

  /** x + c elementwise, c taken in x's precision. */
  Tensor addScalar(Tensor x, double c);

  /** Matrix product of 2-D tensors, optionally transposing either operand first. */
  Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB);

  /** Softmax over the last axis. */
  Tensor softmax(Tensor logits);

  /** The same values with a new shape of equal element count. */
  Tensor reshape(Tensor x, int... shape);

  /** Zero padding: {@code paddings[i]} = cells before and after along axis i, each >= 0. */
  Tensor pad(Tensor x, int[][] paddings);

  /** The block starting at {@code begin} with extent {@code size} (both per axis). */
  Tensor slice(Tensor x, int[] begin, int[] size);

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

  /** Sum over {@code axes} (distinct, in range), keeping them with size 1 when asked. */
  Tensor sum(Tensor x, int[] axes, boolean keepDims);

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
  default Tensor pad(Tensor x, int[] before, int[] after) {
    if (before.length != after.length) {
      throw new IllegalArgumentException("pad: " + before.length + " amounts before but "
          + after.length + " after");
    }
    int[][] paddings = new int[before.length][];
    for (int i = 0; i < before.length; i++) {
      paddings[i] = new int[] {before[i], after[i]};
    }
    return pad(x, paddings);
  }


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
