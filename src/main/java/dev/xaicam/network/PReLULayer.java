package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras PReLU: y = relu(x) - alpha * relu(-x) with a learned {@code alpha} per element, shared
 * (size 1) along the axes {@code shared_axes} names (1-based, the batch axis being 0).
 */
final class PReLULayer implements Layer {
  /** Per-image shape, unchanged. */
  private final int[] shape;
  /** Shape of alpha. */
  private final int[] alphaShape;

  /** Parses a PReLU node. */
  PReLULayer(LayerConfig config, List<int[]> inputShapes) {
    this.shape = SpatialConfig.single(config, inputShapes);
    this.alphaShape = shape.clone();
    if (config.has("shared_axes")) {
      int[] axes = config.raw("shared_axes").isArray() ? config.integers("shared_axes")
          : new int[] {config.integer("shared_axes", 0)};
      for (int axis : axes) {
        if (axis < 1 || axis > shape.length) {
          throw config.error("shared axis " + axis + " is not an axis of input "
              + LayerConfig.shapeText(shape));
        }
        alphaShape[axis - 1] = 1;
      }
    }
  }

  @Override
  public int[] outputShape() {
    return shape.clone();
  }

  @Override
  public List<WeightSpec> weights() {
    return List.of(new WeightSpec("alpha", alphaShape));
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    Tensor x = inputs.get(0);
    try (TensorScope temp = scope.child()) {
      Tensor negative = temp.multiply(weights.get(0), temp.relu(temp.scale(x, -1)));
      return scope.subtract(temp.relu(x), negative);
    }
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    Tensor x = inputs.get(0);
    try (TensorScope temp = scope.child()) {
      // d/dx [-alpha relu(-x)] = alpha where x < 0
      Tensor below = temp.multiply(weights.get(0), temp.reluGrad(dy, temp.scale(x, -1)));
      return List.of(scope.add(temp.reluGrad(dy, x), below));
    }
  }
}
