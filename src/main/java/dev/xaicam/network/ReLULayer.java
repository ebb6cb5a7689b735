package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras ReLU layer: y = min(x, max_value) for x > threshold, negative_slope * (x - threshold)
 * below it, computed as Keras's {@code relu} does (x itself above the threshold, the upper clip
 * applied to that part only). Plain relu, relu6 and leaky relu use TensorFlow's own ops, as Keras.
 */
final class ReLULayer implements Layer {
  /** Per-image shape, unchanged. */
  private final int[] shape;
  /** Upper clip, or {@code null} for none. */
  private final Double maxValue;
  /** Slope below the threshold. */
  private final double negativeSlope;
  /** Where the linear part starts. */
  private final double threshold;

  /** Parses a ReLU node. */
  ReLULayer(LayerConfig config, List<int[]> inputShapes) {
    this.shape = SpatialConfig.single(config, inputShapes);
    this.maxValue = config.has("max_value") ? config.number("max_value", 0) : null;
    this.negativeSlope = config.number("negative_slope", 0);
    this.threshold = config.number("threshold", 0);
    if (maxValue != null && maxValue < 0) {
      throw config.error("max_value must be >= 0, got " + maxValue);
    }
    if (negativeSlope < 0) {
      throw config.error("negative_slope must be >= 0, got " + negativeSlope);
    }
  }

  @Override
  public int[] outputShape() {
    return shape.clone();
  }

  @Override
  public List<WeightSpec> weights() {
    return List.of();
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    Tensor x = inputs.get(0);
    if (isLeaky()) {
      return scope.leakyRelu(x, negativeSlope);
    }
    if (isRelu6()) {
      return scope.relu6(x);
    }
    if (isPlain()) {
      return scope.relu(x);
    }
    try (TensorScope temp = scope.child()) {
      // the last op of the positive part writes to scope when no negative part follows
      TensorScope clipInto = negativeSlope == 0 ? scope : temp;
      TensorScope positiveInto = maxValue == null ? clipInto : temp;
      Tensor positive = threshold != 0 ? positiveInto.multiply(x, temp.greater(x, threshold))
          : positiveInto.relu(x);
      if (maxValue != null) {
        positive = clipInto.clip(positive, 0, maxValue);
      }
      if (negativeSlope == 0) {
        return positive;
      }
      Tensor negative = temp.relu(temp.addScalar(temp.scale(x, -1), threshold));
      return scope.subtract(positive, temp.scale(negative, negativeSlope));
    }
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(gradient(scope, inputs.get(0), output, dy));
  }

  /** Guided backpropagation treats every configuration of this layer as a rectifier. */
  @Override
  public List<Tensor> backward(TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy,
      List<Tensor> weights, BackwardMode mode) {
    try (TensorScope temp = scope.child()) {
      return List.of(gradient(scope, inputs.get(0), output, mode.rectifierIncoming(temp, dy)));
    }
  }

  /** dL/dx of this layer's function. */
  private Tensor gradient(TensorScope scope, Tensor x, Tensor output, Tensor dy) {
    if (isLeaky()) {
      return scope.leakyReluGrad(dy, x, negativeSlope);
    }
    if (isRelu6()) {
      return scope.relu6Grad(dy, x);
    }
    if (isPlain()) {
      return scope.reluGrad(dy, output);
    }
    try (TensorScope temp = scope.child()) {
      Tensor slope = temp.greater(x, threshold);
      if (maxValue != null) {
        // the clip passes only 0 < x < max_value
        Tensor inside = temp.multiply(temp.greater(x, 0), temp.greater(temp.scale(x, -1), -maxValue));
        slope = temp.multiply(slope, inside);
      }
      if (negativeSlope != 0) {
        Tensor below = temp.greater(temp.scale(x, -1), -threshold);
        slope = temp.add(slope, temp.scale(below, negativeSlope));
      }
      return scope.multiply(dy, slope);
    }
  }

  /** Keras's leaky-relu shortcut: a slope, no clip, no threshold. */
  private boolean isLeaky() {
    return negativeSlope != 0 && maxValue == null && threshold == 0;
  }

  /** Keras's relu6 shortcut: clip at exactly 6, no threshold, no slope. */
  private boolean isRelu6() {
    return negativeSlope == 0 && threshold == 0 && maxValue != null && maxValue == 6;
  }

  /** Plain relu. */
  private boolean isPlain() {
    return negativeSlope == 0 && threshold == 0 && maxValue == null;
  }
}
