package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/** Keras Activation: one named activation ({@link Activations}) applied elementwise. */
final class ActivationLayer implements Layer {
  /** Per-image shape, unchanged. */
  private final int[] shape;
  /** The activation. */
  private final Activation activation;

  /** Parses an Activation node. */
  ActivationLayer(LayerConfig config, List<int[]> inputShapes) {
    this(SpatialConfig.single(config, inputShapes), Activations.parse(config, "activation"));
  }

  /** {@code activation} on inputs of per-image {@code shape}. */
  private ActivationLayer(int[] shape, Activation activation) {
    this.shape = shape.clone();
    this.activation = activation;
  }

  /** The identity on inputs of per-image {@code shape}: what a stripped output softmax becomes. */
  static Layer identity(int[] shape) {
    return new ActivationLayer(shape, Activations.named(Activations.LINEAR, GraphSpec.KERAS_2));
  }

  @Override
  public int[] outputShape() {
    return shape.clone();
  }

  @Override
  public List<WeightSpec> weights() {
    return List.of();
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    return activation.apply(scope, inputs.get(0));
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return backward(scope, inputs, output, dy, weights, BackwardMode.PLAIN);
  }

  @Override
  public List<Tensor> backward(TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy,
      List<Tensor> weights, BackwardMode mode) {
    return List.of(activation.gradient(scope, inputs.get(0), output, dy, mode));
  }

  @Override
  public String outputActivation() {
    return activation.name();
  }

  @Override
  public Layer withLinearOutput() {
    return activation.isLinear() ? this : identity(shape);
  }
}
