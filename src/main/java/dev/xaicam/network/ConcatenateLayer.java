package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras Concatenate: its inputs joined along {@code axis} (default -1, counted with the batch
 * axis as Keras does); the gradient slices each input's part back out.
 */
final class ConcatenateLayer implements Layer {
  /** The joining axis of the batched tensors (1 or more). */
  private final int axis;
  /** Per-image output shape. */
  private final int[] outputShape;

  /** Parses a Concatenate node. */
  ConcatenateLayer(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.isEmpty()) {
      throw config.error("needs at least one input");
    }
    int[] first = inputShapes.get(0);
    int rank = first.length + 1;
    int configured = config.integer("axis", -1);
    this.axis = configured < 0 ? configured + rank : configured;
    if (axis < 1 || axis >= rank) {
      throw config.error("config 'axis' " + configured + " is not an axis of the inputs "
          + LayerConfig.shapeText(first) + " other than the batch");
    }
    int[] out = first.clone();
    for (int[] shape : inputShapes.subList(1, inputShapes.size())) {
      boolean ok = shape.length == first.length;
      for (int i = 0; ok && i < shape.length; i++) {
        ok = i == axis - 1 || shape[i] == first[i];
      }
      if (!ok) {
        throw config.error("cannot join inputs of shapes " + LayerConfig.shapeText(first)
            + " and " + LayerConfig.shapeText(shape) + " on axis " + configured);
      }
      out[axis - 1] += shape[axis - 1];
    }
    this.outputShape = out;
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
    return scope.concat(inputs, axis);
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    List<Tensor> grads = new ArrayList<>();
    int[] begin = new int[dy.shape().length];
    for (Tensor x : inputs) {
      grads.add(scope.slice(dy, begin, x.shape()));
      begin[axis] += x.shape()[axis];
    }
    return grads;
  }
}
