package dev.xaicam.model;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/** Keras Conv2D: 3x3 (or any square) kernel HWIO, stride 1, SAME padding, bias, fused activation. */
final class Conv2DLayer implements Layer {
  /** Keras layer name. */
  private final String name;
  /** Kernel {@code (kh, kw, in, out)}. */
  private final Tensor kernel;
  /** Bias {@code (out)}. */
  private final Tensor bias;
  /** RELU or LINEAR. */
  private final Activation activation;

  /** A layer over weight tensors owned by a longer-lived scope. */
  Conv2DLayer(String name, Tensor kernel, Tensor bias, Activation activation) {
    if (activation == Activation.SOFTMAX) {
      throw new IllegalArgumentException("conv layer " + name + " cannot use softmax");
    }
    int[] k = kernel.shape();
    if (k.length != 4 || bias.shape().length != 1 || bias.shape()[0] != k[3]) {
      throw new IllegalArgumentException("conv layer " + name + " needs a (kh,kw,in,out) kernel and"
          + " an (out) bias, got " + java.util.Arrays.toString(k) + " and "
          + java.util.Arrays.toString(bias.shape()));
    }
    this.name = name;
    this.kernel = kernel;
    this.bias = bias;
    this.activation = activation;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public LayerKind kind() {
    return LayerKind.CONV;
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return new int[] {inputShape[0], inputShape[1], kernel.shape()[3]};
  }

  @Override
  public Tensor forward(TensorScope scope, Tensor x) {
    try (TensorScope temp = scope.child()) {
      if (activation == Activation.LINEAR) {
        return scope.biasAdd(temp.conv2d(x, kernel), bias);
      }
      // Free the convolution's output as soon as the bias is added: at VGG16's first layers each
      // output is 12.8 MB per image, and three alive at once set the peak.
      Tensor convolved = temp.conv2d(x, kernel);
      Tensor biased = temp.biasAdd(convolved, bias);
      temp.release(convolved);
      return scope.relu(biased);
    }
  }

  @Override
  public Tensor backward(TensorScope scope, Tensor x, Tensor y, Tensor dy) {
    if (activation == Activation.LINEAR) {
      return scope.conv2dBackpropInput(x.shape(), kernel, dy);
    }
    try (TensorScope temp = scope.child()) {
      return scope.conv2dBackpropInput(x.shape(), kernel, temp.reluGrad(dy, y));
    }
  }

  @Override
  public List<Tensor> weightGradients(TensorScope scope, Tensor x, Tensor y, Tensor dy) {
    Tensor dz = activation == Activation.LINEAR ? dy : scope.reluGrad(dy, y);
    return List.of(scope.conv2dBackpropFilter(x, kernel.shape(), dz), scope.biasAddGrad(dz));
  }
}
