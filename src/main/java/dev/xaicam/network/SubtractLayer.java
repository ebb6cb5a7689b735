package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/** Keras Subtract: {@code y = a - b} for exactly two inputs, broadcast as NumPy does. */
final class SubtractLayer implements Layer {
  /** Per-image output shape. */
  private final int[] outputShape;

  /** Parses a Subtract node. */
  SubtractLayer(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.size() != 2) {
      throw config.error("needs exactly two inputs, got " + inputShapes.size());
    }
    this.outputShape = MergeShapes.broadcast(config, inputShapes, 2);
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
    return scope.subtract(inputs.get(0), inputs.get(1));
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    Tensor negated = scope.scale(dy, -1);
    Tensor db = MergeShapes.reduceTo(scope, negated, inputs.get(1).shape());
    scope.release(negated);
    return List.of(MergeShapes.reduceTo(scope, dy, inputs.get(0).shape()), db);
  }
}
