package dev.xaicam.network;

import dev.xaicam.engine.ConvOptions;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras Conv2D: kernel HWIO with strides, {@code same}/{@code valid} padding and dilation, an
 * optional bias and a fused activation.
 */
final class Conv2DLayer implements TrainableLayer {
  /** Kernel shape {@code (kh, kw, in, filters)}. */
  private final int[] kernelShape;
  /** Strides, padding and dilation. */
  private final ConvOptions options;
  /** Whether a bias follows the convolution. */
  private final boolean useBias;
  /** The fused activation. */
  private final Activation activation;
  /** Per-image output shape. */
  private final int[] outputShape;

  /** Parses a Conv2D node. */
  Conv2DLayer(LayerConfig config, List<int[]> inputShapes) {
    int[] in = SpatialConfig.singleMap(config, inputShapes);
    SpatialConfig.requireChannelsLast(config);
    if (config.integer("groups", 1) != 1) {
      throw config.error("grouped convolution (groups " + config.integer("groups", 1)
          + ") is not supported");
    }
    int filters = config.integer("filters", 0);
    if (filters < 1) {
      throw config.error("config 'filters' must be a positive integer");
    }
    int[] kernel = SpatialConfig.positivePair(config, "kernel_size", new int[] {0, 0});
    int[] strides = SpatialConfig.positivePair(config, "strides", new int[] {1, 1});
    int[] dilation = SpatialConfig.positivePair(config, "dilation_rate", new int[] {1, 1});
    this.options = new ConvOptions(strides[0], strides[1], SpatialConfig.padding(config),
        dilation[0], dilation[1]);
    this.kernelShape = new int[] {kernel[0], kernel[1], in[2], filters};
    this.useBias = config.bool("use_bias", true);
    this.activation = Activations.parse(config, "activation");
    int h = options.outputHeight(in[0], kernel[0]);
    int w = options.outputWidth(in[1], kernel[1]);
    if (h < 1 || w < 1) {
      throw config.error("a " + kernel[0] + "x" + kernel[1] + " kernel leaves no output of input "
          + LayerConfig.shapeText(in));
    }
    this.outputShape = SpatialConfig.map(h, w, filters);
  }

  /** A copy with another activation. */
  private Conv2DLayer(Conv2DLayer layer, Activation activation) {
    this.kernelShape = layer.kernelShape;
    this.options = layer.options;
    this.useBias = layer.useBias;
    this.activation = activation;
    this.outputShape = layer.outputShape;
  }

  @Override
  public int[] outputShape() {
    return outputShape.clone();
  }

  @Override
  public List<WeightSpec> weights() {
    List<WeightSpec> weights = new ArrayList<>();
    weights.add(new WeightSpec("kernel", kernelShape));
    if (useBias) {
      weights.add(new WeightSpec("bias", new int[] {kernelShape[3]}));
    }
    return weights;
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    if (activation.isLinear()) {
      return preActivation(scope, inputs.get(0), weights);
    }
    try (TensorScope temp = scope.child()) {
      // The pre-activation dies as soon as the activation has read it: at VGG16's first layers
      // each map is 12.8 MB per image, and three alive at once set the peak.
      return activation.apply(scope, preActivation(temp, inputs.get(0), weights));
    }
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return backward(scope, inputs, output, dy, weights, BackwardMode.PLAIN);
  }

  @Override
  public List<Tensor> backward(TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy,
      List<Tensor> weights, BackwardMode mode) {
    Tensor x = inputs.get(0);
    try (TensorScope temp = scope.child()) {
      Tensor dz = preActivationGradient(temp, x, output, dy, weights, mode);
      return List.of(scope.conv2dBackpropInput(x.shape(), weights.get(0), dz, options));
    }
  }

  @Override
  public List<Tensor> weightGradients(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    Tensor x = inputs.get(0);
    try (TensorScope temp = scope.child()) {
      Tensor dz = preActivationGradient(temp, x, output, dy, weights, BackwardMode.PLAIN);
      Tensor dKernel = scope.conv2dBackpropFilter(x, kernelShape, dz, options);
      return useBias ? List.of(dKernel, scope.biasAddGrad(dz)) : List.of(dKernel);
    }
  }

  @Override
  public String outputActivation() {
    return activation.name();
  }

  @Override
  public Layer withLinearOutput() {
    return activation.isLinear() ? this
        : new Conv2DLayer(this, Activations.named(Activations.LINEAR, 2));
  }

  /** z = conv(x) + b, owned by {@code scope}, the convolution's own output freed at once. */
  private Tensor preActivation(TensorScope scope, Tensor x, List<Tensor> weights) {
    Tensor convolved = scope.conv2d(x, weights.get(0), options);
    if (!useBias) {
      return convolved;
    }
    Tensor biased = scope.biasAdd(convolved, weights.get(1));
    scope.release(convolved);
    return biased;
  }

  /** dL/dz through the activation in {@code mode}, recomputing z only when the activation needs it. */
  private Tensor preActivationGradient(
      TensorScope scope, Tensor x, Tensor y, Tensor dy, List<Tensor> weights,
      BackwardMode mode) {
    Tensor z = activation.needsInput() ? preActivation(scope, x, weights) : null;
    return activation.gradient(scope, z, y, dy, mode);
  }
}
