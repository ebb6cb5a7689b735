package dev.xaicam.engine;

import static dev.xaicam.engine.OpChecks.convOutput;
import static dev.xaicam.engine.OpChecks.nd;
import static dev.xaicam.engine.OpChecks.poolOutput;
import static dev.xaicam.engine.OpChecks.positive;
import static dev.xaicam.engine.OpChecks.require;
import static dev.xaicam.engine.OpChecks.sameType;
import static dev.xaicam.engine.OpChecks.shapeOf;

import ai.djl.ndarray.NDArray;
import ai.djl.tensorflow.engine.TfEagerOp;
import java.util.Arrays;

/**
 * Convolution and pooling with strides, padding, dilation and windows, on behalf of one
 * {@link DjlTensorScope}: the scope's results, checked in Java first.
 *
 * <p>TensorFlow 2.10's CPU kernels for the convolution gradients refuse dilation rates above 1,
 * so those run on an explicitly dilated kernel (zeros between the taps), which is the same linear
 * map: the forward op dilates natively.
 */
final class SpatialOps {
  /** The scope whose results these are. */
  private final DjlTensorScope scope;

  /** Ops for {@code scope}. */
  SpatialOps(DjlTensorScope scope) {
    this.scope = scope;
  }

  /** See {@link TensorScope#conv2d(Tensor, Tensor, ConvOptions)}. */
  Tensor conv2d(Tensor x, Tensor kernel, ConvOptions options) {
    int[] xs = shapeOf("conv2d input", x, 4);
    int[] ks = shapeOf("conv2d kernel", kernel, 4);
    convOutput("conv2d", xs, ks, options);
    sameType("conv2d", x, kernel);
    return scope.run(TfEagerOp.named("Conv2D").input(nd(x)).input(nd(kernel))
        .attr("strides", options.stridesAttr()).attr("dilations", options.dilationsAttr())
        .attr("padding", options.padding().name()).attr("data_format", "NHWC"));
  }

  /** See {@link TensorScope#conv2dBackpropInput}. */
  Tensor conv2dBackpropInput(int[] inputShape, Tensor kernel, Tensor dy, ConvOptions options) {
    int[] ks = shapeOf("conv2dBackpropInput kernel", kernel, 4);
    int[] ds = shapeOf("conv2dBackpropInput dy", dy, 4);
    positive("conv2dBackpropInput", inputShape);
    int[] expected = convOutput("conv2dBackpropInput", inputShape, ks, options);
    require(Arrays.equals(ds, expected),
        () -> "conv2dBackpropInput to " + Arrays.toString(inputShape)
        + ": dy must be " + Arrays.toString(expected) + ", got " + Arrays.toString(ds));
    sameType("conv2dBackpropInput", kernel, dy);
    if (options.dilated()) {
      try (TensorScope temp = scope.child()) {
        return conv2dBackpropInput(inputShape, dilate(temp, kernel, options), dy,
            undilated(options));
      }
    }
    try (NDArray sizes = scope.manager().create(inputShape.clone())) {
      return scope.run(TfEagerOp.named("Conv2DBackpropInput").input(sizes).input(nd(kernel))
          .input(nd(dy)).attr("strides", options.stridesAttr())
          .attr("padding", options.padding().name()).attr("data_format", "NHWC"));
    }
  }

  /** See {@link TensorScope#conv2dBackpropFilter}. */
  Tensor conv2dBackpropFilter(Tensor x, int[] kernelShape, Tensor dy, ConvOptions options) {
    int[] xs = shapeOf("conv2dBackpropFilter input", x, 4);
    int[] ds = shapeOf("conv2dBackpropFilter dy", dy, 4);
    positive("conv2dBackpropFilter", kernelShape);
    int[] expected = convOutput("conv2dBackpropFilter", xs, kernelShape, options);
    require(Arrays.equals(ds, expected), () -> "conv2dBackpropFilter to "
        + Arrays.toString(kernelShape) + ": dy must be " + Arrays.toString(expected) + ", got "
        + Arrays.toString(ds));
    sameType("conv2dBackpropFilter", x, dy);
    if (options.dilated()) {
      try (TensorScope temp = scope.child()) {
        int[] dilatedShape = {dilatedSize(kernelShape[0], options.dilationH()),
            dilatedSize(kernelShape[1], options.dilationW()), kernelShape[2], kernelShape[3]};
        Tensor g = temp.conv2dBackpropFilter(x, dilatedShape, dy, undilated(options));
        return undilate(temp, g, kernelShape, options);
      }
    }
    try (NDArray sizes = scope.manager().create(kernelShape.clone())) {
      return scope.run(TfEagerOp.named("Conv2DBackpropFilter").input(nd(x)).input(sizes)
          .input(nd(dy)).attr("strides", options.stridesAttr())
          .attr("padding", options.padding().name()).attr("data_format", "NHWC"));
    }
  }

  /** See {@link TensorScope#maxPool}. */
  Tensor maxPool(Tensor x, PoolOptions options) {
    poolOutput("maxPool", shapeOf("maxPool input", x, 4), options);
    return scope.run(pool("MaxPool", options).input(nd(x)));
  }

  /** See {@link TensorScope#maxPoolGrad}. */
  Tensor maxPoolGrad(Tensor x, Tensor y, Tensor dy, PoolOptions options) {
    int[] pooled = poolOutput("maxPoolGrad", shapeOf("maxPoolGrad input", x, 4), options);
    require(Arrays.equals(y.shape(), pooled) && Arrays.equals(dy.shape(), pooled),
        "maxPoolGrad of " + Arrays.toString(x.shape()), y, dy);
    sameType("maxPoolGrad", x, y);
    sameType("maxPoolGrad", y, dy);
    return scope.run(pool("MaxPoolGrad", options).input(nd(x)).input(nd(y)).input(nd(dy)));
  }

  /** See {@link TensorScope#avgPool}. */
  Tensor avgPool(Tensor x, PoolOptions options) {
    poolOutput("avgPool", shapeOf("avgPool input", x, 4), options);
    return scope.run(pool("AvgPool", options).input(nd(x)));
  }

  /** See {@link TensorScope#avgPoolGrad}. */
  Tensor avgPoolGrad(int[] inputShape, Tensor dy, PoolOptions options) {
    positive("avgPoolGrad", inputShape);
    int[] pooled = poolOutput("avgPoolGrad", inputShape, options);
    require(Arrays.equals(shapeOf("avgPoolGrad dy", dy, 4), pooled), () -> "avgPoolGrad to "
        + Arrays.toString(inputShape) + ": dy must be " + Arrays.toString(pooled) + ", got "
        + Arrays.toString(dy.shape()));
    try (NDArray sizes = scope.manager().create(inputShape.clone())) {
      return scope.run(pool("AvgPoolGrad", options).input(sizes).input(nd(dy)));
    }
  }

  /** A pooling op with its window attributes set. */
  private static TfEagerOp pool(String op, PoolOptions options) {
    return TfEagerOp.named(op).attr("ksize", options.windowAttr())
        .attr("strides", options.stridesAttr()).attr("padding", options.padding().name())
        .attr("data_format", "NHWC");
  }

  /** The same strides and padding without dilation. */
  private static ConvOptions undilated(ConvOptions options) {
    return new ConvOptions(options.strideH(), options.strideW(), options.padding(), 1, 1);
  }

  /** Extent of {@code taps} kernel taps spread {@code dilation} apart. */
  private static int dilatedSize(int taps, int dilation) {
    return (taps - 1) * dilation + 1;
  }

  /** The kernel with {@code dilation - 1} zero rows/columns between taps, owned by {@code temp}. */
  private static Tensor dilate(TensorScope temp, Tensor kernel, ConvOptions options) {
    int[] k = kernel.shape();
    int dh = options.dilationH();
    int dw = options.dilationW();
    Tensor spread = temp.pad(temp.reshape(kernel, k[0], 1, k[1], 1, k[2] * k[3]),
        new int[][] {{0, 0}, {0, dh - 1}, {0, 0}, {0, dw - 1}, {0, 0}});
    Tensor grid = temp.reshape(spread, k[0] * dh, k[1] * dw, k[2], k[3]);
    return temp.slice(grid, new int[4],
        new int[] {dilatedSize(k[0], dh), dilatedSize(k[1], dw), k[2], k[3]});
  }

  /** The taps of a dilated kernel's gradient {@code g}, as a {@code kernelShape} tensor. */
  private Tensor undilate(TensorScope temp, Tensor g, int[] kernelShape, ConvOptions options) {
    int dh = options.dilationH();
    int dw = options.dilationW();
    int io = kernelShape[2] * kernelShape[3];
    Tensor padded = temp.pad(g, new int[][] {{0, dh - 1}, {0, dw - 1}, {0, 0}, {0, 0}});
    Tensor grid = temp.reshape(padded, kernelShape[0], dh, kernelShape[1], dw, io);
    Tensor taps = temp.slice(grid, new int[5], new int[] {kernelShape[0], 1, kernelShape[1], 1, io});
    return scope.reshape(taps, kernelShape);
  }
}
