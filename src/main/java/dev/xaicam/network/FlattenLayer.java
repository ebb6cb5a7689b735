package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/** Keras Flatten: any per-image shape to one axis, in row-major (H, W, C) order. */
final class FlattenLayer implements Layer {
  /** Per-image input shape. */
  private final int[] inputShape;
  /** Product of the input shape. */
  private final int size;

  /** Parses a Flatten node (its config holds nothing that changes the maths). */
  FlattenLayer(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.size() != 1) {
      throw config.error("needs exactly one input, got " + inputShapes.size());
    }
    this.inputShape = inputShapes.get(0).clone();
    long n = 1;
    for (int d : inputShape) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw config.error("input " + LayerConfig.shapeText(inputShape) + " is too large");
    }
    this.size = (int) n;
  }

  @Override
  public int[] outputShape() {
    return new int[] {size};
  }

  @Override
  public List<WeightSpec> weights() {
    return List.of();
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    return scope.reshape(inputs.get(0), inputs.get(0).shape()[0], size);
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(scope.reshape(dy, inputs.get(0).shape()));
  }
}
