package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras Reshape: the same values, row-major, in {@code target_shape} (which may hold one -1 for
 * the size the others leave).
 */
final class ReshapeLayer implements Layer {
  /** Per-image input shape. */
  private final int[] inputShape;
  /** Per-image output shape, the -1 resolved. */
  private final int[] outputShape;

  /** Parses a Reshape node. */
  ReshapeLayer(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.size() != 1) {
      throw config.error("needs exactly one input, got " + inputShapes.size());
    }
    this.inputShape = inputShapes.get(0).clone();
    int[] target = config.integers("target_shape");
    long size = 1;
    for (int d : inputShape) {
      size *= d;
    }
    long known = 1;
    int unknown = -1;
    for (int i = 0; i < target.length; i++) {
      if (target[i] == -1 && unknown < 0) {
        unknown = i;
      } else if (target[i] < 1) {
        throw config.error("config 'target_shape' " + LayerConfig.shapeText(target)
            + " may hold positive sizes and one -1");
      } else {
        known *= target[i];
      }
    }
    if (unknown >= 0 && size % known == 0) {
      target[unknown] = (int) (size / known);
      known = size;
    }
    if (known != size) {
      throw config.error("cannot reshape input " + LayerConfig.shapeText(inputShape) + " to "
          + LayerConfig.shapeText(config.integers("target_shape")));
    }
    this.outputShape = target;
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
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    return scope.reshape(inputs.get(0), withBatch(inputs.get(0).shape()[0], outputShape));
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(scope.reshape(dy, inputs.get(0).shape()));
  }

  /** {@code (n, shape...)}. */
  private static int[] withBatch(int n, int[] shape) {
    int[] out = new int[shape.length + 1];
    out[0] = n;
    System.arraycopy(shape, 0, out, 1, shape.length);
    return out;
  }
}
