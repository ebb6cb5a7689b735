package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;

/** Keras Average: the elementwise mean of its inputs, broadcast as NumPy does. */
final class AverageLayer implements Layer {
  /** Per-image output shape. */
  private final int[] outputShape;

  /** Parses an Average node. */
  AverageLayer(LayerConfig config, List<int[]> inputShapes) {
    this.outputShape = MergeShapes.broadcast(config, inputShapes, 1);
  }

  @Override
  public int[] outputShape() {
    return outputShape.clone();
  }

  @Override
  public List<WeightSpec> weights() {
    return List.of();
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> batch, List<Tensor> weights) {
    List<Tensor> inputs = MergeShapes.aligned(scope, batch);
    Tensor sum = inputs.get(0);
    for (Tensor x : inputs.subList(1, inputs.size())) {
      Tensor next = scope.add(sum, x);
      if (sum != inputs.get(0)) {
        scope.release(sum);
      }
      sum = next;
    }
    Tensor mean = scope.scale(sum, 1.0 / inputs.size());
    if (sum != inputs.get(0)) {
      scope.release(sum);
    }
    return mean;
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    Tensor share = scope.scale(dy, 1.0 / inputs.size());
    List<Tensor> grads = new ArrayList<>();
    for (Tensor x : inputs) {
      grads.add(MergeShapes.reduceTo(scope, share, x.shape()));
    }
    scope.release(share);
    return grads;
  }
}
