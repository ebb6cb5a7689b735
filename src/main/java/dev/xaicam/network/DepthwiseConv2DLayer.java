package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras DepthwiseConv2D: each input channel convolved with its own {@code depth_multiplier}
 * kernels (output channel {@code c * multiplier + m}), then bias and the fused activation.
 */
final class DepthwiseConv2DLayer implements Layer {
  /** Parsed config, kept for messages and {@link #withLinearOutput()}. */
  private final LayerConfig config;
  /** Per-image input shape (H, W, C). */
  private final int[] inputShape;
  /** Kernel size, strides, padding and dilation. */
  private final DepthwiseWindow window;
  /** Kernels per input channel. */
  private final int multiplier;
  /** Whether a bias follows the convolution. */
  private final boolean useBias;
  /** The activation applied last. */
  private final Activation activation;
  /** Per-image output shape. */
  private final int[] outputShape;

  /** Parses a DepthwiseConv2D node. */
  DepthwiseConv2DLayer(LayerConfig config, List<int[]> inputShapes) {
    this(config, inputShapes, Activations.parse(config, "activation"));
  }

  /** Parses the node with {@code activation} in place of the configured one. */
  private DepthwiseConv2DLayer(
      LayerConfig config, List<int[]> inputShapes, Activation activation) {
    this.config = config;
    ChannelsLast.require(config);
    this.inputShape = ChannelsLast.singleMap(config, inputShapes);
    this.window = new DepthwiseWindow(config);
    this.multiplier = config.integer("depth_multiplier", 1);
    if (multiplier < 1) {
      throw config.error("config 'depth_multiplier' must be positive, got " + multiplier);
    }
    this.useBias = config.bool("use_bias", true);
    this.activation = activation;
    int[] hw = window.outputSize(config, inputShape[0], inputShape[1]);
    this.outputShape = new int[] {hw[0], hw[1], inputShape[2] * multiplier};
  }

  @Override
  public int[] outputShape() {
    return outputShape.clone();
  }

  @Override
  public List<WeightSpec> weights() {
    int[] k = window.kernel();
    List<WeightSpec> specs = new ArrayList<>();
    specs.add(new WeightSpec("depthwise_kernel",
        new int[] {k[0], k[1], inputShape[2], multiplier}));
    if (useBias) {
      specs.add(new WeightSpec("bias", new int[] {outputShape[2]}));
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
    return List.of(scope.depthwiseConv2dBackpropInput(x.shape(), weights.get(0), dz,
        window.strides(), window.padding(), window.dilations()));
  }

  @Override
  public String outputActivation() {
    return activation.name();
  }

  @Override
  public Layer withLinearOutput() {
    return activation.isLinear() ? this
        : new DepthwiseConv2DLayer(config, List.of(inputShape), Activations.named(Activations.LINEAR, GraphSpec.KERAS_2));
  }

  /** Convolution plus bias, before the activation. */
  private Tensor preActivation(TensorScope scope, Tensor x, List<Tensor> weights) {
    Tensor z = scope.depthwiseConv2d(x, weights.get(0), window.strides(), window.padding(),
        window.dilations());
    if (!useBias) {
      return z;
    }
    Tensor biased = scope.biasAdd(z, weights.get(1));
    scope.release(z);
    return biased;
  }
}
