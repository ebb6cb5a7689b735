package dev.xaicam.model;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;

/**
 * Keras Flatten for channels-last maps: (N, H, W, C) to (N, H*W*C) in H, W, C order, which is
 * exactly the row-major order of the NHWC tensor.
 */
final class FlattenLayer implements Layer {
  /** Keras layer name. */
  private final String name;

  /** A flatten layer called {@code name}. */
  FlattenLayer(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public LayerKind kind() {
    return LayerKind.FLATTEN;
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    int n = 1;
    for (int d : inputShape) {
      n *= d;
    }
    return new int[] {n};
  }

  @Override
  public Tensor forward(TensorScope scope, Tensor x) {
    int[] s = x.shape();
    return scope.reshape(x, s[0], Math.toIntExact(x.size() / s[0]));
  }

  @Override
  public Tensor backward(TensorScope scope, Tensor x, Tensor y, Tensor dy) {
    return scope.reshape(dy, x.shape());
  }
}
