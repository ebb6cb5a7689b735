package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras Dense: kernel {@code (in, units)}, optional bias, fused activation. On an input of more
 * than one axis (an H x W x C map) it maps the last axis and keeps the others, as Keras does.
 */
final class DenseLayer implements TrainableLayer {
  /** Per-image input shape. */
  private final int[] inputShape;
  /** Output units. */
  private final int units;
  /** Whether a bias follows the product. */
  private final boolean useBias;
  /** The fused activation. */
  private final Activation activation;

  /** Parses a Dense node. */
  DenseLayer(LayerConfig config, List<int[]> inputShapes) {
    this.inputShape = SpatialConfig.single(config, inputShapes);
    if (inputShape.length == 0) {
      throw config.error("needs an input with at least one axis");
    }
    this.units = config.integer("units", 0);
    if (units < 1) {
      throw config.error("config 'units' must be a positive integer");
    }
    this.useBias = config.bool("use_bias", true);
    this.activation = Activations.parse(config, "activation");
  }

  /** A copy with another activation. */
  private DenseLayer(DenseLayer layer, Activation activation) {
    this.inputShape = layer.inputShape;
    this.units = layer.units;
    this.useBias = layer.useBias;
    this.activation = activation;
  }

  @Override
  public int[] outputShape() {
    int[] out = inputShape.clone();
    out[out.length - 1] = units;
    return out;
  }

  @Override
  public List<WeightSpec> weights() {
    List<WeightSpec> weights = new ArrayList<>();
    weights.add(new WeightSpec("kernel", new int[] {inputShape[inputShape.length - 1], units}));
    if (useBias) {
      weights.add(new WeightSpec("bias", new int[] {units}));
    }
    return weights;
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    Tensor x = inputs.get(0);
    if (inputShape.length == 1) {
      return activated(scope, x, weights);
    }
    try (TensorScope temp = scope.child()) {
      Tensor rows = activated(temp, temp.reshape(x, rowCount(x), inputShape[inputShape.length - 1]),
          weights);
      return scope.reshape(rows, SpatialConfig.batched(x.shape()[0], outputShape()));
    }
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return backward(scope, inputs, output, dy, weights, BackwardMode.PLAIN);
  }

  @Override
  public List<Tensor> backward(TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy,
      List<Tensor> weights, BackwardMode mode) {
    Tensor x = inputs.get(0);
    try (TensorScope temp = scope.child()) {
      Tensor dz = preActivationGradient(temp, x, output, dy, weights, mode);
      if (inputShape.length == 1) {
        return List.of(scope.matmul(dz, weights.get(0), false, true));
      }
      return List.of(scope.reshape(temp.matmul(dz, weights.get(0), false, true), x.shape()));
    }
  }

  @Override
  public List<Tensor> weightGradients(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    Tensor x = inputs.get(0);
    try (TensorScope temp = scope.child()) {
      Tensor dz = preActivationGradient(temp, x, output, dy, weights, BackwardMode.PLAIN);
      Tensor dKernel = scope.matmul(rows(temp, x), dz, true, false);
      return useBias ? List.of(dKernel, scope.biasAddGrad(dz)) : List.of(dKernel);
    }
  }

  @Override
  public String outputActivation() {
    return activation.name();
  }

  @Override
  public Layer withLinearOutput() {
    return activation.isLinear() ? this
        : new DenseLayer(this, Activations.named(Activations.LINEAR, 2));
  }

  /** act(x W + b) for 2-D {@code x}, owned by {@code scope}. */
  private Tensor activated(TensorScope scope, Tensor x, List<Tensor> weights) {
    if (activation.isLinear()) {
      return preActivation(scope, x, weights);
    }
    try (TensorScope temp = scope.child()) {
      return activation.apply(scope, preActivation(temp, x, weights));
    }
  }

  /** x W + b for 2-D {@code x}, owned by {@code scope}, the product freed at once. */
  private Tensor preActivation(TensorScope scope, Tensor x, List<Tensor> weights) {
    Tensor product = scope.matmul(x, weights.get(0), false, false);
    if (!useBias) {
      return product;
    }
    Tensor biased = scope.biasAdd(product, weights.get(1));
    scope.release(product);
    return biased;
  }

  /**
   * dL/dz as rows {@code (N * positions, units)}, recomputing z only when the activation needs it.
   */
  private Tensor preActivationGradient(
      TensorScope scope, Tensor x, Tensor y, Tensor dy, List<Tensor> weights,
      BackwardMode mode) {
    Tensor z = activation.needsInput() ? preActivation(scope, rows(scope, x), weights) : null;
    return activation.gradient(scope, z, rows(scope, y), rows(scope, dy), mode);
  }

  /** {@code t} as rows over its last axis (itself when already 2-D). */
  private static Tensor rows(TensorScope scope, Tensor t) {
    int[] s = t.shape();
    return s.length == 2 ? t : scope.reshape(t, rowCount(t), s[s.length - 1]);
  }

  /** Batch size times the positions of every axis but the last. */
  private static int rowCount(Tensor t) {
    int[] s = t.shape();
    int n = 1;
    for (int i = 0; i < s.length - 1; i++) {
      n *= s[i];
    }
    return n;
  }
}
