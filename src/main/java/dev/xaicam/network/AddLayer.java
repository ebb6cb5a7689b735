package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras Add: the elementwise sum of two or more inputs of one rank, broadcasting sizes of 1 as
 * Keras's merge layers do; each input's gradient is dy summed over the axes it was broadcast on.
 */
final class AddLayer implements Layer {
  /** Per-image input shapes. */
  private final List<int[]> inputShapes;
  /** Per-image output shape. */
  private final int[] outputShape;

  /** Parses an Add node. */
  AddLayer(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.size() < 2) {
      throw config.error("needs at least two inputs, got " + inputShapes.size());
    }
    int[] out = inputShapes.get(0).clone();
    for (int[] shape : inputShapes) {
      if (shape.length != out.length) {
        throw config.error("inputs " + shapesText(inputShapes) + " differ in rank");
      }
      for (int i = 0; i < out.length; i++) {
        if (shape[i] != out[i] && shape[i] != 1 && out[i] != 1) {
          throw config.error("inputs " + shapesText(inputShapes) + " do not broadcast");
        }
        out[i] = Math.max(out[i], shape[i]);
      }
    }
    List<int[]> copies = new ArrayList<>();
    inputShapes.forEach(s -> copies.add(s.clone()));
    this.inputShapes = List.copyOf(copies);
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
    if (inputs.size() == 2) {
      return scope.add(inputs.get(0), inputs.get(1));
    }
    try (TensorScope temp = scope.child()) {
      Tensor sum = temp.add(inputs.get(0), inputs.get(1));
      for (int i = 2; i < inputs.size() - 1; i++) {
        sum = temp.add(sum, inputs.get(i));
      }
      return scope.add(sum, inputs.get(inputs.size() - 1));
    }
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    List<Tensor> gradients = new ArrayList<>();
    for (int[] shape : inputShapes) {
      gradients.add(sumToShape(scope, dy, shape));
    }
    return gradients;
  }

  /** {@code dy} summed over the per-image axes where {@code shape} has size 1 but dy does not. */
  private Tensor sumToShape(TensorScope scope, Tensor dy, int[] shape) {
    List<Integer> axes = new ArrayList<>();
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] != outputShape[i]) {
        axes.add(i + 1);
      }
    }
    if (axes.isEmpty()) {
      return dy;
    }
    return scope.sum(dy, axes.stream().mapToInt(Integer::intValue).toArray(), true);
  }

  /** The input shapes for messages. */
  private static String shapesText(List<int[]> shapes) {
    List<String> texts = new ArrayList<>();
    shapes.forEach(s -> texts.add(LayerConfig.shapeText(s)));
    return String.join(" and ", texts);
  }
}
