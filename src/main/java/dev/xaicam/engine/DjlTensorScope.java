package dev.xaicam.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.tensorflow.engine.TfEagerOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link TensorScope} over one DJL NDManager, running raw TensorFlow ops eagerly.
 *
 * <p>Every op checks its operands' shapes and types in Java first: DJL creates TensorFlow's eager
 * context in asynchronous mode, where a failing op reports its error only at some later op and
 * poisons the context for the rest of the process, so TensorFlow must never see a bad call.
 */
final class DjlTensorScope implements TensorScope {
  /** NHWC strides and windows for stride-1 convolution. */
  private static final long[] UNIT_STRIDES = {1, 1, 1, 1};
  /** NHWC window and stride of a 2x2 pool. */
  private static final long[] POOL_2X2 = {1, 2, 2, 1};

  /** Owner of every array this scope creates. */
  private final NDManager manager;
  /** Whether this scope is a root opened by {@link TensorEngine}, counted for leak checks. */
  private final boolean root;
  /** The scope this one was opened from, or null for a root. */
  private final DjlTensorScope parent;
  /** Open child scopes, closed first when this one closes so their state stays right. */
  private final Set<DjlTensorScope> children = ConcurrentHashMap.newKeySet();
  /** Guards against double close, so counters stay right. */
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Takes ownership of {@code manager}; {@code parent} is null for a root scope. */
  DjlTensorScope(NDManager manager, DjlTensorScope parent) {
    this.manager = manager;
    this.parent = parent;
    this.root = parent == null;
    TensorEngine.scopeOpened(this);
  }

  /** Arrays still alive in this scope and its children. */
  int liveArrayCount() {
    return closed.get() ? 0 : manager.getManagedArrays().size();
  }

  /** Whether this is a root scope. */
  boolean isRoot() {
    return root;
  }

  @Override
  public Tensor fromFloats(float[] values, int... shape) {
    checkOpen();
    checkSize(values.length, shape);
    return new DjlTensor(manager.create(values, toShape(shape)));
  }

  @Override
  public Tensor fromDoubles(double[] values, int... shape) {
    checkOpen();
    checkSize(values.length, shape);
    return new DjlTensor(manager.create(values, toShape(shape)));
  }

  @Override
  public Tensor conv2d(Tensor x, Tensor kernel) {
    int[] xs = shapeOf("conv2d input", x, 4);
    int[] ks = shapeOf("conv2d kernel", kernel, 4);
    require(xs[3] == ks[2], "conv2d", x, kernel);
    sameType("conv2d", x, kernel);
    return run(TfEagerOp.named("Conv2D").input(nd(x)).input(nd(kernel))
        .attr("strides", UNIT_STRIDES).attr("padding", "SAME").attr("data_format", "NHWC"));
  }

  @Override
  public Tensor conv2dBackpropInput(int[] inputShape, Tensor kernel, Tensor dy) {
    checkOpen();
    int[] ks = shapeOf("conv2dBackpropInput kernel", kernel, 4);
    int[] ds = shapeOf("conv2dBackpropInput dy", dy, 4);
    require(inputShape.length == 4 && inputShape[3] == ks[2] && ds[0] == inputShape[0]
        && ds[1] == inputShape[1] && ds[2] == inputShape[2] && ds[3] == ks[3],
        "conv2dBackpropInput to " + Arrays.toString(inputShape), kernel, dy);
    sameType("conv2dBackpropInput", kernel, dy);
    try (NDArray sizes = manager.create(inputShape.clone())) {
      return run(TfEagerOp.named("Conv2DBackpropInput").input(sizes).input(nd(kernel)).input(nd(dy))
          .attr("strides", UNIT_STRIDES).attr("padding", "SAME").attr("data_format", "NHWC"));
    }
  }

  @Override
  public Tensor conv2dBackpropFilter(Tensor x, int[] kernelShape, Tensor dy) {
    checkOpen();
    int[] xs = shapeOf("conv2dBackpropFilter input", x, 4);
    int[] ds = shapeOf("conv2dBackpropFilter dy", dy, 4);
    require(kernelShape.length == 4 && kernelShape[2] == xs[3] && kernelShape[3] == ds[3]
        && ds[0] == xs[0] && ds[1] == xs[1] && ds[2] == xs[2],
        "conv2dBackpropFilter to " + Arrays.toString(kernelShape), x, dy);
    sameType("conv2dBackpropFilter", x, dy);
    try (NDArray sizes = manager.create(kernelShape.clone())) {
      return run(TfEagerOp.named("Conv2DBackpropFilter").input(nd(x)).input(sizes).input(nd(dy))
          .attr("strides", UNIT_STRIDES).attr("padding", "SAME").attr("data_format", "NHWC"));
    }
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
    return run(TfEagerOp.named("Relu").input(nd(x)));
  }

  @Override
  public Tensor reluGrad(Tensor dy, Tensor y) {
    require(Arrays.equals(dy.shape(), y.shape()), "reluGrad", dy, y);
    sameType("reluGrad", dy, y);
    return run(TfEagerOp.named("ReluGrad").input(nd(dy)).input(nd(y)));
  }

  @Override
  public Tensor maxPool2x2(Tensor x) {
    int[] xs = shapeOf("maxPool2x2 input", x, 4);
    require(xs[1] >= 2 && xs[2] >= 2, "maxPool2x2", x, x);
    return run(TfEagerOp.named("MaxPool").input(nd(x))
        .attr("ksize", POOL_2X2).attr("strides", POOL_2X2).attr("padding", "VALID")
        .attr("data_format", "NHWC"));
  }

  @Override
  public Tensor maxPoolGrad(Tensor x, Tensor y, Tensor dy) {
    int[] xs = shapeOf("maxPoolGrad input", x, 4);
    int[] pooled = {xs[0], xs[1] / 2, xs[2] / 2, xs[3]};
    require(Arrays.equals(y.shape(), pooled) && Arrays.equals(dy.shape(), pooled),
        "maxPoolGrad of " + Arrays.toString(xs), y, dy);
    sameType("maxPoolGrad", x, y);
    sameType("maxPoolGrad", y, dy);
    return run(TfEagerOp.named("MaxPoolGrad").input(nd(x)).input(nd(y)).input(nd(dy))
        .attr("ksize", POOL_2X2).attr("strides", POOL_2X2).attr("padding", "VALID")
        .attr("data_format", "NHWC"));
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
    return run(TfEagerOp.named("Softmax").input(nd(logits)));
  }

  @Override
  public Tensor reshape(Tensor x, int... shape) {
    checkOpen();
    long size = 1;
    for (int d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException("reshape dimensions must be positive, got "
            + Arrays.toString(shape));
      }
      size *= d;
    }
    if (size != x.size()) {
      throw new IllegalArgumentException("cannot reshape " + Arrays.toString(x.shape()) + " to "
          + Arrays.toString(shape));
    }
    try (NDArray dims = manager.create(shape.clone())) {
      return run(TfEagerOp.named("Reshape").input(nd(x)).input(dims));
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
    try (NDArray f = array.getDataType() == ai.djl.ndarray.types.DataType.FLOAT64
        ? manager.create(factor) : manager.create((float) factor)) {
      return run(TfEagerOp.named("Mul").input(array).input(f));
    }
  }

  @Override
  public Tensor sumLastAxis(Tensor x) {
    checkOpen();
    shapeOf("sumLastAxis input", x, -1);
    try (NDArray axis = manager.create(new int[] {x.shape().length - 1})) {
      return run(TfEagerOp.named("Sum").input(nd(x)).input(axis).attr("keep_dims", true));
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
    DjlTensorScope child = new DjlTensorScope(manager.newSubManager(), this);
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
      TensorEngine.scopeClosed(this);
    }
  }

  /** Runs the op with its output owned by this scope, naming the op when TensorFlow refuses. */
  private Tensor run(TfEagerOp op) {
    checkOpen();
    try {
      return new DjlTensor(op.runOn(manager));
    } catch (RuntimeException e) {
      throw new IllegalStateException("TensorFlow op failed (an earlier asynchronous op may be "
          + "the cause, and TensorFlow refuses further ops after one fails): " + e.getMessage(), e);
    }
  }

  /**
   * The shape of {@code t}, checked to have {@code rank} dimensions, or at least {@code -rank}
   * when negative.
   */
  private static int[] shapeOf(String what, Tensor t, int rank) {
    int[] shape = nd(t).getShape().isScalar() ? new int[0] : t.shape();
    boolean ok = rank >= 0 ? shape.length == rank : shape.length >= -rank;
    if (!ok) {
      throw new IllegalArgumentException(what + " must have " + (rank >= 0 ? "" : "at least ")
          + Math.abs(rank) + " dimensions, got " + Arrays.toString(shape));
    }
    return shape;
  }

  /** Fails with both operands' shapes when {@code ok} is false. */
  private static void require(boolean ok, String op, Tensor a, Tensor b) {
    if (!ok) {
      throw new IllegalArgumentException(op + ": incompatible shapes " + Arrays.toString(a.shape())
          + " and " + Arrays.toString(b.shape()));
    }
  }

  /** Fails unless both operands have the same element type (TensorFlow never promotes). */
  private static void sameType(String op, Tensor a, Tensor b) {
    if (nd(a).getDataType() != nd(b).getDataType()) {
      throw new IllegalArgumentException(op + ": mixed element types " + nd(a).getDataType()
          + " and " + nd(b).getDataType());
    }
  }

  /** Fails unless the shapes broadcast under NumPy rules and the types match. */
  private static void broadcastable(String op, Tensor a, Tensor b) {
    int[] as = a.shape();
    int[] bs = b.shape();
    for (int i = 1; i <= Math.min(as.length, bs.length); i++) {
      int da = as[as.length - i];
      int db = bs[bs.length - i];
      require(da == db || da == 1 || db == 1, op, a, b);
    }
    sameType(op, a, b);
  }

  /** The array behind one of this engine's tensors. */
  private static NDArray nd(Tensor t) {
    if (!(t instanceof DjlTensor d)) {
      throw new IllegalArgumentException("not a tensor of this engine: " + t);
    }
    return d.array();
  }

  /** Fails once closed, before any native call on a closed manager. */
  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("tensor scope is closed");
    }
  }

  /** Checks that {@code length} values fill {@code shape}. */
  private static void checkSize(int length, int[] shape) {
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
  public Tensor pad(Tensor x, int[] before, int[] after) {
    checkOpen();
    int[] xs = x.shape();
    if (before.length != xs.length || after.length != xs.length) {
      throw new IllegalArgumentException("pad: need one amount per axis of " + Arrays.toString(xs)
          + ", got " + Arrays.toString(before) + " and " + Arrays.toString(after));
    }
    int[] paddings = new int[2 * xs.length];
    for (int i = 0; i < xs.length; i++) {
      if (before[i] < 0 || after[i] < 0) {
        throw new IllegalArgumentException("pad: amounts must be >= 0, got "
            + Arrays.toString(before) + " and " + Arrays.toString(after));
      }
      paddings[2 * i] = before[i];
      paddings[2 * i + 1] = after[i];
    }
    try (NDArray p = manager.create(paddings, new Shape(xs.length, 2))) {
      return run(TfEagerOp.named("Pad").input(nd(x)).input(p));
    }
  }

  @Override
  public Tensor slice(Tensor x, int[] begin, int[] size) {
    checkOpen();
    int[] xs = x.shape();
    boolean ok = begin.length == xs.length && size.length == xs.length;
    for (int i = 0; ok && i < xs.length; i++) {
      ok = begin[i] >= 0 && size[i] >= 1 && (long) begin[i] + size[i] <= xs[i];
    }
    if (!ok) {
      throw new IllegalArgumentException("slice: block at " + Arrays.toString(begin) + " of size "
          + Arrays.toString(size) + " does not fit in " + Arrays.toString(xs));
    }
    try (NDArray b = manager.create(begin.clone()); NDArray n = manager.create(size.clone())) {
      return run(TfEagerOp.named("Slice").input(nd(x)).input(b).input(n));
    }
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
