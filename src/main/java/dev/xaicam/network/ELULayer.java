package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/** Keras ELU layer: x for x > 0, alpha * (e^x - 1) otherwise ({@code alpha} 1 by default). */
final class ELULayer implements Layer {
  /** Per-image shape, unchanged. */
  private final int[] shape;
  /** Scale of the negative part. */
  private final double alpha;

  /** Parses an ELU node. */
  ELULayer(LayerConfig config, List<int[]> inputShapes) {
    this.shape = SpatialConfig.single(config, inputShapes);
    this.alpha = config.number("alpha", 1);
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
    Tensor x = inputs.get(0);
    if (alpha == 1) {
      return scope.elu(x);
    }
    try (TensorScope temp = scope.child()) {
      return scope.multiply(temp.elu(x), factor(temp, x));
    }
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    Tensor x = inputs.get(0);
    if (alpha == 1) {
      return List.of(scope.eluGrad(dy, output));
    }
    try (TensorScope temp = scope.child()) {
      return List.of(scope.eluGrad(temp.multiply(dy, factor(temp, x)), temp.elu(x)));
    }
  }

  /** 1 where x > 0, alpha elsewhere: Keras's {@code where(x > 0, elu(x), alpha * elu(x))}. */
  private Tensor factor(TensorScope scope, Tensor x) {
    try (TensorScope temp = scope.child()) {
      return scope.addScalar(temp.scale(temp.greater(x, 0), 1 - alpha), alpha);
    }
  }
}
