package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * A layer that only acts while training (Dropout, noise, regularisers, random augmentation) and
 * passes its input through unchanged at inference.
 */
final class InferenceIdentityLayer implements Layer {
  /** Per-image shape, unchanged. */
  private final int[] shape;

  /** Parses any such node; its config changes nothing at inference. */
  InferenceIdentityLayer(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.size() != 1) {
      throw config.error("needs exactly one input, got " + inputShapes.size());
    }
    this.shape = inputShapes.get(0).clone();
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
    // A new handle on the same values, so the output has its own lifetime in the scope.
    return scope.reshape(inputs.get(0), inputs.get(0).shape());
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(scope.reshape(dy, dy.shape()));
  }

  @Override
  public boolean defaultTargetCandidate() {
    return false;
  }
}
