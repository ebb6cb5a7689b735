package dev.xaicam.engine;

import static dev.xaicam.engine.OpChecks.broadcastable;
import static dev.xaicam.engine.OpChecks.checkSize;
import static dev.xaicam.engine.OpChecks.nd;
import static dev.xaicam.engine.OpChecks.require;
import static dev.xaicam.engine.OpChecks.sameShapeAndType;
import static dev.xaicam.engine.OpChecks.sameType;
import static dev.xaicam.engine.OpChecks.shapeOf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.tensorflow.engine.TfBorrowedTensor;
import ai.djl.tensorflow.engine.TfFilledTensor;
import ai.djl.tensorflow.engine.TfEagerOp;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link TensorScope} over one DJL NDManager, running raw TensorFlow ops eagerly. Every op
 * checks its operands in Java first ({@link OpChecks}); spatial ops live in
 * {@link SpatialOps}.
 *
 * <p>Why it is not split further (it is over 300 lines): it is the whole tensor vocabulary, and
 * each op is a few lines of Java-side shape and type checks (TensorFlow's async errors would
 * poison the process) plus one TensorFlow call on this scope's manager; the spatial ops already
 * live in {@link SpatialOps}, and more helper classes would each need the manager, the checks and
 * {@code run} handed over, splitting one responsibility (ops owned by a scope) across files.
 */
final class DjlTensorScope implements TensorScope {
  /** Owner of every array this scope creates. */
  private final NDManager manager;
  /** The runtime that counts this scope. */
  private final TensorRuntime runtime;
  /** The scope this one was opened from, or null for a root. */
  private final DjlTensorScope parent;
  /** Open child scopes, closed first when this one closes so their state stays right. */
  private final Set<DjlTensorScope> children = ConcurrentHashMap.newKeySet();
  /** Guards against double close, so counters stay right. */
  private final AtomicBoolean closed = new AtomicBoolean();
  /** Convolution and pooling ops, run through this scope. */
  private final SpatialOps spatial = new SpatialOps(this);

  /** Takes ownership of {@code manager}; {@code parent} is null for a root scope. */
  DjlTensorScope(NDManager manager, DjlTensorScope parent, TensorRuntime runtime) {
    this.manager = manager;
    this.parent = parent;
    this.runtime = runtime;
    runtime.scopeOpened(this);
  }

  /** Arrays still alive in this scope and its children. */
  int liveArrayCount() {
    return closed.get() ? 0 : manager.getManagedArrays().size();
  }

  /** Whether this is a root scope. */
  boolean isRoot() {
    return parent == null;
  }

  @Override
  public Tensor fromFloats(float[] values, int... shape) {
    checkOpen();
    checkSize(values.length, shape);
    return new DjlTensor(TfFilledTensor.of(manager, values, Arrays.stream(shape).asLongStream().toArray()));
  }

  @Override
  public Tensor fromDoubles(double[] values, int... shape) {
    checkOpen();
    checkSize(values.length, shape);
    return new DjlTensor(TfFilledTensor.of(manager, values, Arrays.stream(shape).asLongStream().toArray()));
  }

  @Override
  public Tensor borrowFloats(ByteBuffer littleEndianFloats, int... shape) {
    checkOpen();
    if (littleEndianFloats.remaining() % Float.BYTES != 0) {
      throw new IllegalArgumentException("a float buffer needs a multiple of 4 bytes, got "
          + littleEndianFloats.remaining());
    }
    checkSize(littleEndianFloats.remaining() / Float.BYTES, shape);
    long[] dims = Arrays.stream(shape).asLongStream().toArray();
    return new DjlTensor(TfBorrowedTensor.of(manager, littleEndianFloats, dims), littleEndianFloats);
  }

  @Override
  public Tensor conv2d(Tensor x, Tensor kernel, ConvOptions options) {
    return spatial.conv2d(x, kernel, options);
  }

  @Override
  public Tensor conv2dBackpropInput(int[] inputShape, Tensor kernel, Tensor dy,
      ConvOptions options) {
    return spatial.conv2dBackpropInput(inputShape, kernel, dy, options);
  }

  @Override
  public Tensor conv2dBackpropFilter(Tensor x, int[] kernelShape, Tensor dy, ConvOptions options) {
    return spatial.conv2dBackpropFilter(x, kernelShape, dy, options);
  }

  @Override
  public Tensor maxPool(Tensor x, PoolOptions options) {
    return spatial.maxPool(x, options);
  }

  @Override
  public Tensor maxPoolGrad(Tensor x, Tensor y, Tensor dy, PoolOptions options) {
    return spatial.maxPoolGrad(x, y, dy, options);
  }

  @Override
  public Tensor avgPool(Tensor x, PoolOptions options) {
    return spatial.avgPool(x, options);
  }

  @Override
  public Tensor avgPoolGrad(int[] inputShape, Tensor dy, PoolOptions options) {
    return spatial.avgPoolGrad(inputShape, dy, options);
  }

  @Override
  public Tensor biasAdd(Tensor x, Tensor bias) {
    int[] xs = shapeOf("biasAdd input", x, -2);
    int[] bs = shapeOf("biasAdd bias", bias, 1);
    require(xs[xs.length - 1] == bs[0], "biasAdd", x, bias);
    sameType("biasAdd", x, bias);
    return run(TfEagerOp.named("BiasAdd").input(nd(x)).input(nd(bias)).attr("data_format", "NHWC"));
  }

  @Override
  public Tensor biasAddGrad(Tensor dy) {
    shapeOf("biasAddGrad dy", dy, -2);
    return run(TfEagerOp.named("BiasAddGrad").input(nd(dy)).attr("data_format", "NHWC"));
  }

  @Override
  public Tensor relu(Tensor x) {
    return unary("Relu", x);
  }

  @Override
  public Tensor reluGrad(Tensor dy, Tensor y) {
    return binary("ReluGrad", dy, y);
  }

  @Override
  public Tensor relu6(Tensor x) {
    return unary("Relu6", x);
  }

  @Override
  public Tensor relu6Grad(Tensor dy, Tensor x) {
    return binary("Relu6Grad", dy, x);
  }

  @Override
  public Tensor sigmoid(Tensor x) {
    return unary("Sigmoid", x);
  }

  @Override
  public Tensor sigmoidGrad(Tensor dy, Tensor y) {
    return binary("SigmoidGrad", y, dy);
  }

  @Override
  public Tensor tanh(Tensor x) {
    return unary("Tanh", x);
  }

  @Override
  public Tensor tanhGrad(Tensor dy, Tensor y) {
    return binary("TanhGrad", y, dy);
  }

  @Override
  public Tensor elu(Tensor x) {
    return unary("Elu", x);
  }

  @Override
  public Tensor eluGrad(Tensor dy, Tensor y) {
    return binary("EluGrad", dy, y);
  }

  @Override
  public Tensor selu(Tensor x) {
    return unary("Selu", x);
  }

  @Override
  public Tensor seluGrad(Tensor dy, Tensor y) {
    return binary("SeluGrad", dy, y);
  }

  @Override
  public Tensor softplus(Tensor x) {
    return unary("Softplus", x);
  }

  @Override
  public Tensor softplusGrad(Tensor dy, Tensor x) {
    return binary("SoftplusGrad", dy, x);
  }

  @Override
  public Tensor leakyRelu(Tensor x, double alpha) {
    return run(TfEagerOp.named("LeakyRelu").input(nd(x)).attr("alpha", (float) alpha));
  }

  @Override
  public Tensor leakyReluGrad(Tensor dy, Tensor x, double alpha) {
    sameShapeAndType("LeakyReluGrad", dy, x);
    return run(TfEagerOp.named("LeakyReluGrad").input(nd(dy)).input(nd(x))
        .attr("alpha", (float) alpha));
  }

  @Override
  public Tensor erf(Tensor x) {
    return unary("Erf", x);
  }

  @Override
  public Tensor exp(Tensor x) {
    return unary("Exp", x);
  }

  @Override
  public Tensor greater(Tensor x, double threshold) {
    checkOpen();
    NDArray array = nd(x);
    try (NDArray t = scalarLike(array, threshold);
        NDArray mask = TfEagerOp.named("Greater").input(array).input(t).runOn(manager)) {
      return run(TfEagerOp.named("Cast").input(mask).attr("DstT", array.getDataType()));
    }
  }

  @Override
  public Tensor clip(Tensor x, double low, double high) {
    checkOpen();
    require(low <= high, () -> "clip: low " + low + " > high " + high);
    NDArray array = nd(x);
    try (NDArray lo = scalarLike(array, low); NDArray hi = scalarLike(array, high)) {
      return run(TfEagerOp.named("ClipByValue").input(array).input(lo).input(hi));
    }
  }

  @Override
  public Tensor addScalar(Tensor x, double c) {
    checkOpen();
    NDArray array = nd(x);
    try (NDArray s = scalarLike(array, c)) {
      return run(TfEagerOp.named("AddV2").input(array).input(s));
    }
  }

  @Override
  public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    int[] as = shapeOf("matmul a", a, 2);
    int[] bs = shapeOf("matmul b", b, 2);
    require(as[transposeA ? 0 : 1] == bs[transposeB ? 1 : 0],
        "matmul (transposeA " + transposeA + ", transposeB " + transposeB + ")", a, b);
    sameType("matmul", a, b);
    return run(TfEagerOp.named("MatMul").input(nd(a)).input(nd(b))
        .attr("transpose_a", transposeA).attr("transpose_b", transposeB));
  }

  @Override
  public Tensor softmax(Tensor logits) {
    shapeOf("softmax logits", logits, -1);
    return unary("Softmax", logits);
  }

  @Override
  public Tensor reshape(Tensor x, int... shape) {
    checkOpen();
    long size = 1;
    for (int d : shape) {
      require(d > 0, () -> "reshape dimensions must be positive, got " + Arrays.toString(shape));
      size *= d;
    }
    require(size == x.size(), () -> "cannot reshape " + Arrays.toString(x.shape()) + " to "
        + Arrays.toString(shape));
    try (NDArray dims = manager.create(shape.clone())) {
      return run(TfEagerOp.named("Reshape").input(nd(x)).input(dims));
    }
  }

  @Override
  public Tensor pad(Tensor x, int[][] paddings) {
    checkOpen();
    int[] xs = x.shape();
    require(paddings.length == xs.length,
        () -> "pad: " + paddings.length + " paddings for shape " + Arrays.toString(xs));
    int[] flat = new int[2 * xs.length];
    for (int i = 0; i < xs.length; i++) {
      int axis = i;
      require(paddings[i].length == 2 && paddings[i][0] >= 0 && paddings[i][1] >= 0,
          () -> "pad: axis " + axis + " needs two amounts >= 0, got "
              + Arrays.toString(paddings[axis]));
      flat[2 * i] = paddings[i][0];
      flat[2 * i + 1] = paddings[i][1];
    }
    try (NDArray p = manager.create(flat, new Shape(xs.length, 2))) {
      return run(TfEagerOp.named("Pad").input(nd(x)).input(p));
    }
  }

  @Override
  public Tensor slice(Tensor x, int[] begin, int[] size) {
    checkOpen();
    int[] xs = x.shape();
    require(begin.length == xs.length && size.length == xs.length,
        () -> "slice: begin " + Arrays.toString(begin) + " and size " + Arrays.toString(size)
            + " must have " + xs.length + " entries");
    for (int i = 0; i < xs.length; i++) {
      require(begin[i] >= 0 && size[i] > 0 && begin[i] + size[i] <= xs[i],
          () -> "slice: block at " + Arrays.toString(begin) + " of size " + Arrays.toString(size)
              + " leaves " + Arrays.toString(xs));
    }
    try (NDArray b = manager.create(begin.clone()); NDArray s = manager.create(size.clone())) {
      return run(TfEagerOp.named("Slice").input(nd(x)).input(b).input(s));
    }
  }

  @Override
  public Tensor multiply(Tensor a, Tensor b) {
    broadcastable("multiply", a, b);
    return run(TfEagerOp.named("Mul").input(nd(a)).input(nd(b)));
  }

  @Override
  public Tensor subtract(Tensor a, Tensor b) {
    broadcastable("subtract", a, b);
    return run(TfEagerOp.named("Sub").input(nd(a)).input(nd(b)));
  }

  @Override
  public Tensor add(Tensor a, Tensor b) {
    broadcastable("add", a, b);
    return run(TfEagerOp.named("AddV2").input(nd(a)).input(nd(b)));
  }

  @Override
  public Tensor scale(Tensor x, double factor) {
    checkOpen();
    NDArray array = nd(x);
    try (NDArray f = scalarLike(array, factor)) {
      return run(TfEagerOp.named("Mul").input(array).input(f));
    }
  }

  @Override
  public Tensor sumLastAxis(Tensor x) {
    int rank = shapeOf("sumLastAxis input", x, -1).length;
    return sum(x, new int[] {rank - 1}, true);
  }

  @Override
  public Tensor sum(Tensor x, int[] axes, boolean keepDims) {
    checkOpen();
    int rank = shapeOf("sum input", x, -1).length;
    boolean[] seen = new boolean[rank];
    for (int axis : axes) {
      require(axis >= 0 && axis < rank && !seen[axis],
          () -> "sum: axes " + Arrays.toString(axes) + " must be distinct and in [0, " + rank
              + ")");
      seen[axis] = true;
    }
    try (NDArray a = manager.create(axes.clone())) {
      return run(TfEagerOp.named("Sum").input(nd(x)).input(a).attr("keep_dims", keepDims));
    }
  }

  @Override
  public void release(Tensor tensor) {
    checkOpen();
    NDArray array = nd(tensor);
    if (array.getManager() != manager) {
      throw new IllegalArgumentException("release: " + tensor + " is owned by another scope");
    }
    array.close();
  }

  @Override
  public TensorScope child() {
    checkOpen();
    DjlTensorScope child = new DjlTensorScope(manager.newSubManager(), this, runtime);
    children.add(child);
    return child;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      for (DjlTensorScope child : new ArrayList<>(children)) {
        child.close();
      }
      manager.close();
      if (parent != null) {
        parent.children.remove(this);
      }
      runtime.scopeClosed(this);
    }
  }

  /** This scope's array manager, for the ops in {@link SpatialOps}. */
  NDManager manager() {
    checkOpen();
    return manager;
  }

  /** Runs the op with its output owned by this scope, naming the op when TensorFlow refuses. */
  Tensor run(TfEagerOp op) {
    checkOpen();
    try {
      return new DjlTensor(op.runOn(manager));
    } catch (RuntimeException e) {
      throw new IllegalStateException("TensorFlow op failed (an earlier asynchronous op may be "
          + "the cause, and TensorFlow refuses further ops after one fails): " + e.getMessage(), e);
    }
  }

  /** An elementwise op of one operand. */
  private Tensor unary(String op, Tensor x) {
    return run(TfEagerOp.named(op).input(nd(x)));
  }

  /** An elementwise op of two operands of equal shape and type, in TensorFlow's order. */
  private Tensor binary(String op, Tensor first, Tensor second) {
    sameShapeAndType(op, first, second);
    return run(TfEagerOp.named(op).input(nd(first)).input(nd(second)));
  }

  /** A scalar in {@code like}'s precision (TensorFlow never promotes). */
  private NDArray scalarLike(NDArray like, double value) {
    return like.getDataType() == DataType.FLOAT64 ? manager.create(value)
        : manager.create((float) value);
  }

  /** Fails once closed, before any native call on a closed manager. */
  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("tensor scope is closed");
    }
  }

  /** The DJL shape of int dimensions. */
  private static Shape toShape(int[] shape) {
    long[] dims = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      dims[i] = shape[i];
    }
    return new Shape(dims);
  }

  @Override
  public Tensor constantLike(Tensor like, double[] values, int... shape) {
    checkOpen();
    checkSize(values.length, shape);
    if (nd(like).getDataType() == DataType.FLOAT64) {
      return fromDoubles(values, shape);
    }
    float[] narrowed = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      narrowed[i] = (float) values[i];
    }
    return fromFloats(narrowed, shape);
  }

  @Override
  public Tensor depthwiseConv2d(
      Tensor x, Tensor kernel, int[] strides, String padding, int[] dilations) {
    int[] xs = shapeOf("depthwiseConv2d input", x, 4);
    int[] ks = shapeOf("depthwiseConv2d kernel", kernel, 4);
    require(xs[3] == ks[2], "depthwiseConv2d", x, kernel);
    sameType("depthwiseConv2d", x, kernel);
    checkWindowSize("depthwiseConv2d", xs, ks, strides, padding, dilations);
    Tensor dense = undilated(kernel, dilations);
    try {
      return run(TfEagerOp.named("DepthwiseConv2dNative").input(nd(x)).input(nd(dense))
          .attr("strides", nhwc(strides)).attr("padding", padding)
          .attr("data_format", "NHWC"));
    } finally {
      if (dense != kernel) {
        release(dense);
      }
    }
  }

  @Override
  public Tensor depthwiseConv2dBackpropInput(
      int[] inputShape, Tensor kernel, Tensor dy, int[] strides, String padding, int[] dilations) {
    checkOpen();
    int[] ks = shapeOf("depthwiseConv2dBackpropInput kernel", kernel, 4);
    int[] ds = shapeOf("depthwiseConv2dBackpropInput dy", dy, 4);
    require(inputShape.length == 4 && inputShape[3] == ks[2],
        "depthwiseConv2dBackpropInput to " + Arrays.toString(inputShape), kernel, dy);
    int[] out = checkWindowSize("depthwiseConv2dBackpropInput", inputShape, ks, strides, padding,
        dilations);
    require(ds[0] == inputShape[0] && ds[1] == out[0] && ds[2] == out[1]
        && ds[3] == ks[2] * ks[3],
        "depthwiseConv2dBackpropInput to " + Arrays.toString(inputShape), kernel, dy);
    sameType("depthwiseConv2dBackpropInput", kernel, dy);
    Tensor dense = undilated(kernel, dilations);
    try (NDArray sizes = manager.create(inputShape.clone())) {
      return run(TfEagerOp.named("DepthwiseConv2dNativeBackpropInput").input(sizes)
          .input(nd(dense)).input(nd(dy)).attr("strides", nhwc(strides)).attr("padding", padding)
          .attr("data_format", "NHWC"));
    } finally {
      if (dense != kernel) {
        release(dense);
      }
    }
  }

  /**
   * The HWIO {@code kernel} with {@code dilations - 1} zeros inserted between its taps, so a
   * dilation-1 op computes the dilated one: TensorFlow 2.10's oneDNN depthwise backprop refuses
   * dilations ("could not create a descriptor for a dilated convolution backward propagation
   * primitive"), and using the same expansion forward keeps both directions alike. The kernel
   * itself when both dilations are 1; otherwise a tensor of this scope the caller releases.
   */
  private Tensor undilated(Tensor kernel, int[] dilations) {
    if (dilations[0] == 1 && dilations[1] == 1) {
      return kernel;
    }
    int[] k = kernel.shape();
    int dh = dilations[0];
    int dw = dilations[1];
    // (kh, 1, kw, 1, I, O) padded to (kh, dh, kw, dw, I, O) puts each tap first in its block.
    Tensor split = reshape(kernel, k[0], 1, k[1], 1, k[2], k[3]);
    Tensor spread = pad(split, new int[6], new int[] {0, dh - 1, 0, dw - 1, 0, 0});
    release(split);
    Tensor blocks = reshape(spread, k[0] * dh, k[1] * dw, k[2], k[3]);
    release(spread);
    // The trailing zeros after the last tap are not part of the dilated window.
    Tensor dense = slice(blocks, new int[4],
        new int[] {(k[0] - 1) * dh + 1, (k[1] - 1) * dw + 1, k[2], k[3]});
    release(blocks);
    return dense;
  }

  @Override
  public Tensor concat(List<Tensor> parts, int axis) {
    checkOpen();
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("concat: no parts");
    }
    int[] first = parts.get(0).shape();
    if (axis < 0 || axis >= first.length) {
      throw new IllegalArgumentException("concat: axis " + axis + " outside "
          + Arrays.toString(first));
    }
    NDArray[] arrays = new NDArray[parts.size()];
    for (int p = 0; p < arrays.length; p++) {
      Tensor part = parts.get(p);
      int[] ps = part.shape();
      boolean ok = ps.length == first.length;
      for (int i = 0; ok && i < ps.length; i++) {
        ok = i == axis || ps[i] == first[i];
      }
      require(ok, "concat on axis " + axis, parts.get(0), part);
      sameType("concat", parts.get(0), part);
      arrays[p] = nd(part);
    }
    if (arrays.length == 1) {
      return reshape(parts.get(0), first);
    }
    try (NDArray a = manager.create(axis)) {
      return run(TfEagerOp.named("ConcatV2").inputList(arrays).input(a));
    }
  }

  @Override
  public Tensor reduceSum(Tensor x, int... axes) {
    return reduce("Sum", x, axes);
  }

  @Override
  public Tensor reduceMean(Tensor x, int... axes) {
    return reduce("Mean", x, axes);
  }

  @Override
  public Tensor reduceMax(Tensor x, int... axes) {
    return reduce("Max", x, axes);
  }

  @Override
  public Tensor broadcastTo(Tensor x, int... shape) {
    checkOpen();
    int[] xs = x.shape();
    boolean ok = xs.length <= shape.length;
    for (int i = 1; ok && i <= xs.length; i++) {
      int from = xs[xs.length - i];
      int to = shape[shape.length - i];
      ok = to >= 1 && (from == to || from == 1);
    }
    if (!ok) {
      throw new IllegalArgumentException("broadcastTo: cannot broadcast " + Arrays.toString(xs)
          + " to " + Arrays.toString(shape));
    }
    try (NDArray dims = manager.create(shape.clone())) {
      return run(TfEagerOp.named("BroadcastTo").input(nd(x)).input(dims));
    }
  }

  @Override
  public Tensor maximum(Tensor a, Tensor b) {
    broadcastable("maximum", a, b);
    return run(TfEagerOp.named("Maximum").input(nd(a)).input(nd(b)));
  }

  @Override
  public Tensor greaterEqual(Tensor a, Tensor b) {
    broadcastable("greaterEqual", a, b);
    boolean wide = nd(a).getDataType() == DataType.FLOAT64;
    try (NDArray mask = TfEagerOp.named("GreaterEqual").input(nd(a)).input(nd(b)).runOn(manager);
        NDArray one = wide ? manager.create(1.0) : manager.create(1f);
        NDArray zero = wide ? manager.create(0.0) : manager.create(0f)) {
      return run(TfEagerOp.named("SelectV2").input(mask).input(one).input(zero));
    }
  }

  @Override
  public Tensor divide(Tensor a, Tensor b) {
    broadcastable("divide", a, b);
    return run(TfEagerOp.named("RealDiv").input(nd(a)).input(nd(b)));
  }

  @Override
  public Tensor sqrt(Tensor x) {
    return run(TfEagerOp.named("Sqrt").input(nd(x)));
  }

  @Override
  public Tensor rsqrt(Tensor x) {
    return run(TfEagerOp.named("Rsqrt").input(nd(x)));
  }

  @Override
  public Tensor batchMatmul(Tensor a, Tensor b, boolean adjointA, boolean adjointB) {
    int[] as = shapeOf("batchMatmul a", a, -2);
    int[] bs = shapeOf("batchMatmul b", b, -2);
    int inner = adjointA ? as[as.length - 2] : as[as.length - 1];
    boolean ok = inner == (adjointB ? bs[bs.length - 1] : bs[bs.length - 2]);
    for (int i = 3; ok && i <= Math.min(as.length, bs.length); i++) {
      int da = as[as.length - i];
      int db = bs[bs.length - i];
      ok = da == db || da == 1 || db == 1;
    }
    require(ok, "batchMatmul (adjointA " + adjointA + ", adjointB " + adjointB + ")", a, b);
    sameType("batchMatmul", a, b);
    return run(TfEagerOp.named("BatchMatMulV2").input(nd(a)).input(nd(b))
        .attr("adj_x", adjointA).attr("adj_y", adjointB));
  }

  /** A keep-dims reduction {@code op} (Sum, Mean, Max) over distinct, in-range axes. */
  private Tensor reduce(String op, Tensor x, int[] axes) {
    checkOpen();
    int[] xs = x.shape();
    boolean[] seen = new boolean[xs.length];
    for (int a : axes) {
      if (a < 0 || a >= xs.length || seen[a]) {
        throw new IllegalArgumentException(op + ": axes " + Arrays.toString(axes)
            + " must be distinct axes of " + Arrays.toString(xs));
      }
      seen[a] = true;
    }
    try (NDArray indices = manager.create(axes.clone())) {
      return run(TfEagerOp.named(op).input(nd(x)).input(indices).attr("keep_dims", true));
    }
  }

  /**
   * Checks the strides, dilations, padding and window of a convolution over input {@code xs} with
   * kernel {@code ks} (HW first), returning the output (height, width) as TensorFlow computes it.
   */
  private static int[] checkWindowSize(
      String op, int[] xs, int[] ks, int[] strides, String padding, int[] dilations) {
    boolean ok = strides.length == 2 && dilations.length == 2
        && ("SAME".equals(padding) || "VALID".equals(padding));
    for (int i = 0; ok && i < 2; i++) {
      ok = strides[i] >= 1 && dilations[i] >= 1;
    }
    if (!ok) {
      throw new IllegalArgumentException(op + ": bad strides " + Arrays.toString(strides)
          + ", dilations " + Arrays.toString(dilations) + " or padding " + padding);
    }
    int[] out = new int[2];
    for (int i = 0; i < 2; i++) {
      int in = xs[i + 1];
      long span = (long) (ks[i] - 1) * dilations[i] + 1;
      if ("VALID".equals(padding) && span > in) {
        throw new IllegalArgumentException(op + ": window of " + span + " exceeds input "
            + Arrays.toString(xs) + " with VALID padding");
      }
      long covered = "SAME".equals(padding) ? in : in - span + 1;
      out[i] = (int) ((covered + strides[i] - 1) / strides[i]);
    }
    return out;
  }

  /** A (height, width) pair as TensorFlow's NHWC attribute {@code (1, h, w, 1)}. */
  private static long[] nhwc(int[] hw) {
    return new long[] {1, hw[0], hw[1], 1};
  }
}
