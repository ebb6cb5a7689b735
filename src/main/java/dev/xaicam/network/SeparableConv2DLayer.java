package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras SeparableConv2D: a depthwise convolution, then a pointwise 1x1 convolution to
 * {@code filters} channels (computed as a matrix product over the channel axis), bias and the
 * fused activation.
 */
final class SeparableConv2DLayer implements Layer {
  /** Parsed config, kept for {@link #withLinearOutput()}. */
  private final LayerConfig config;
  /** Per-image input shape (H, W, C). */
  private final int[] inputShape;
  /** Kernel size, strides, padding and dilation of the depthwise step. */
  private final DepthwiseWindow window;
  /** Depthwise kernels per input channel. */
  private final int multiplier;
  /** Output channels. */
  private final int filters;
  /** Whether a bias follows the pointwise step. */
  private final boolean useBias;
  /** The activation applied last. */
  private final Activation activation;
  /** Per-image output (height, width). */
  private final int[] outputSize;

  /** Parses a SeparableConv2D node. */
  SeparableConv2DLayer(LayerConfig config, List<int[]> inputShapes) {
    this(config, inputShapes, Activations.parse(config, "activation"));
  }

  /** Parses the node with {@code activation} in place of the configured one. */
  private SeparableConv2DLayer(
      LayerConfig config, List<int[]> inputShapes, Activation activation) {
    this.config = config;
    ChannelsLast.require(config);
    this.inputShape = ChannelsLast.singleMap(config, inputShapes);
    this.window = new DepthwiseWindow(config);
    this.multiplier = config.integer("depth_multiplier", 1);
    if (multiplier < 1) {
      throw config.error("config 'depth_multiplier' must be positive, got " + multiplier);
    }
    if (!config.has("filters")) {
      throw config.error("config 'filters' is missing");
    }
    this.filters = config.integer("filters", 0);
    if (filters < 1) {
      throw config.error("config 'filters' must be positive, got " + filters);
    }
    this.useBias = config.bool("use_bias", true);
    this.activation = activation;
    this.outputSize = window.outputSize(config, inputShape[0], inputShape[1]);
  }

  @Override
  public int[] outputShape() {
    return new int[] {outputSize[0], outputSize[1], filters};
  }

  @Override
  public List<WeightSpec> weights() {
    int[] k = window.kernel();
    List<WeightSpec> specs = new ArrayList<>();
    specs.add(new WeightSpec("depthwise_kernel",
        new int[] {k[0], k[1], inputShape[2], multiplier}));
    specs.add(new WeightSpec("pointwise_kernel", new int[] {1, 1, depthwiseChannels(), filters}));
    if (useBias) {
      specs.add(new WeightSpec("bias", new int[] {filters}));
    }
    return specs;
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    return activation.apply(scope, preActivation(scope, inputs.get(0), weights));
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
    Tensor dz = activation.gradient(scope,
        activation.needsInput() ? preActivation(scope, x, weights) : null, output, dy, mode);
    int n = x.shape()[0];
    int pixels = n * outputSize[0] * outputSize[1];
    Tensor dzRows = scope.reshape(dz, pixels, filters);
    Tensor pointwise = pointwiseMatrix(scope, weights);
    Tensor ddRows = scope.matmul(dzRows, pointwise, false, true);
    scope.release(dzRows);
    scope.release(pointwise);
    Tensor dd = scope.reshape(ddRows, n, outputSize[0], outputSize[1], depthwiseChannels());
    scope.release(ddRows);
    return List.of(scope.depthwiseConv2dBackpropInput(x.shape(), weights.get(0), dd,
        window.strides(), window.padding(), window.dilations()));
  }

  @Override
  public String outputActivation() {
    return activation.name();
  }

  @Override
  public Layer withLinearOutput() {
    return activation.isLinear() ? this
        : new SeparableConv2DLayer(config, List.of(inputShape), Activations.named(Activations.LINEAR, GraphSpec.KERAS_2));
  }

  /** Channels between the two steps. */
  private int depthwiseChannels() {
    return inputShape[2] * multiplier;
  }

  /** The (1, 1, C*M, F) pointwise kernel as a (C*M, F) matrix. */
  private Tensor pointwiseMatrix(TensorScope scope, List<Tensor> weights) {
    return scope.reshape(weights.get(1), depthwiseChannels(), filters);
  }

  /** Depthwise step, pointwise step and bias, before the activation. */
  private Tensor preActivation(TensorScope scope, Tensor x, List<Tensor> weights) {
    Tensor d = scope.depthwiseConv2d(x, weights.get(0), window.strides(), window.padding(),
        window.dilations());
    int n = x.shape()[0];
    Tensor rows = scope.reshape(d, n * outputSize[0] * outputSize[1], depthwiseChannels());
    scope.release(d);
    Tensor pointwise = pointwiseMatrix(scope, weights);
    Tensor mixed = scope.matmul(rows, pointwise, false, false);
    scope.release(rows);
    scope.release(pointwise);
    Tensor z = scope.reshape(mixed, n, outputSize[0], outputSize[1], filters);
    scope.release(mixed);
    if (!useBias) {
      return z;
    }
    Tensor biased = scope.biasAdd(z, weights.get(2));
    scope.release(z);
    return biased;
  }
}
