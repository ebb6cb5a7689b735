package dev.xaicam.model;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;

/** Keras MaxPooling2D with its defaults: 2x2 window, stride 2, VALID padding. */
final class MaxPool2DLayer implements Layer {
  /** Keras layer name. */
  private final String name;

  /** A pooling layer called {@code name}. */
  MaxPool2DLayer(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public LayerKind kind() {
    return LayerKind.POOL;
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return new int[] {inputShape[0] / 2, inputShape[1] / 2, inputShape[2]};
  }

  @Override
  public Tensor forward(TensorScope scope, Tensor x) {
    return scope.maxPool2x2(x);
  }

  @Override
  public Tensor backward(TensorScope scope, Tensor x, Tensor y, Tensor dy) {
    return scope.maxPoolGrad(x, y, dy);
  }
}
