package dev.xaicam.model;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.Arrays;
import java.util.List;

/** Keras Dense: kernel {@code (in, out)}, bias, fused relu, linear or softmax activation. */
final class DenseLayer implements Layer {
  /** Keras layer name. */
  private final String name;
  /** Kernel {@code (in, out)}. */
  private final Tensor kernel;
  /** Bias {@code (out)}. */
  private final Tensor bias;
  /** Fused activation. */
  private final Activation activation;

  /** A layer over weight tensors owned by a longer-lived scope. */
  DenseLayer(String name, Tensor kernel, Tensor bias, Activation activation) {
    int[] k = kernel.shape();
    if (k.length != 2 || bias.shape().length != 1 || bias.shape()[0] != k[1]) {
      throw new IllegalArgumentException("dense layer " + name + " needs an (in,out) kernel and an"
          + " (out) bias, got " + Arrays.toString(k) + " and " + Arrays.toString(bias.shape()));
    }
    this.name = name;
    this.kernel = kernel;
    this.bias = bias;
    this.activation = activation;
  }

  /**
   * The same layer without its activation, giving logits: tf-keras-vis's ReplaceToLinear, so
   * scores and gradients are taken before the softmax.
   */
  DenseLayer linear() {
    return new DenseLayer(name, kernel, bias, Activation.LINEAR);
  }

  /** The fused activation. */
  Activation activation() {
    return activation;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public LayerKind kind() {
    return LayerKind.DENSE;
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return new int[] {kernel.shape()[1]};
  }

  @Override
  public Tensor forward(TensorScope scope, Tensor x) {
    if (activation == Activation.LINEAR) {
      return scope.biasAdd(scope.matmul(x, kernel, false, false), bias);
    }
    try (TensorScope temp = scope.child()) {
      Tensor z = temp.biasAdd(temp.matmul(x, kernel, false, false), bias);
      return activation == Activation.RELU ? scope.relu(z) : scope.softmax(z);
    }
  }

  @Override
  public Tensor backward(TensorScope scope, Tensor x, Tensor y, Tensor dy) {
    if (activation == Activation.LINEAR) {
      return scope.matmul(dy, kernel, false, true);
    }
    try (TensorScope temp = scope.child()) {
      return scope.matmul(preActivationGradient(temp, y, dy), kernel, false, true);
    }
  }

  @Override
  public List<Tensor> weightGradients(TensorScope scope, Tensor x, Tensor y, Tensor dy) {
    Tensor dz = preActivationGradient(scope, y, dy);
    return List.of(scope.matmul(x, dz, true, false), scope.biasAddGrad(dz));
  }

  /** dL/dz for z = xW + b, from dL/dy through the fused activation. */
  private Tensor preActivationGradient(TensorScope scope, Tensor y, Tensor dy) {
    switch (activation) {
      case LINEAR:
        return dy;
      case RELU:
        return scope.reluGrad(dy, y);
      default:
        try (TensorScope temp = scope.child()) {
          // softmax VJP: dz = y * (dy - sum(dy * y)) along the class axis
          return scope.multiply(y, temp.subtract(dy, temp.sumLastAxis(temp.multiply(dy, y))));
        }
    }
  }
}
