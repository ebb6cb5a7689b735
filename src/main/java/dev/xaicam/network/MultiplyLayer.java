package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras Multiply: the elementwise product of its inputs, broadcast as NumPy does (the
 * squeeze-and-excitation gate).
 */
final class MultiplyLayer implements Layer {
  /** Per-image output shape. */
  private final int[] outputShape;

  /** Parses a Multiply node. */
  MultiplyLayer(LayerConfig config, List<int[]> inputShapes) {
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
    return productExcept(scope, inputs, -1);
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    List<Tensor> aligned = MergeShapes.aligned(scope, inputs);
    List<Tensor> grads = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Tensor others = inputs.size() == 1 ? null : productExcept(scope, aligned, i);
      Tensor full = others == null ? dy : scope.multiply(dy, others);
      grads.add(MergeShapes.reduceTo(scope, full, inputs.get(i).shape()));
      if (others != null) {
        scope.release(others);
        scope.release(full);
      }
    }
    return grads;
  }

  /** The product of every input but the one at {@code skip} (none when -1), as a new tensor. */
  private static Tensor productExcept(TensorScope scope, List<Tensor> inputs, int skip) {
    Tensor product = null;
    for (int i = 0; i < inputs.size(); i++) {
      if (i == skip) {
        continue;
      }
      Tensor x = inputs.get(i);
      Tensor next = product == null ? scope.reshape(x, x.shape()) : scope.multiply(product, x);
      if (product != null) {
        scope.release(product);
      }
      product = next;
    }
    return product;
  }
}
