package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras BatchNormalization at inference: per channel of the last axis,
 * {@code y = (x - moving_mean) * gamma / sqrt(moving_variance + epsilon) + beta}, computed as
 * Keras does, {@code x * inv + (beta - moving_mean * inv)}; gamma is left out when {@code scale}
 * is off and beta when {@code center} is off.
 */
final class BatchNormalizationLayer implements Layer {
  /** Per-image input shape. */
  private final int[] shape;
  /** Added to the variance before the square root. */
  private final double epsilon;
  /** Whether gamma multiplies ({@code scale}). */
  private final boolean scale;
  /** Whether beta is added ({@code center}). */
  private final boolean center;

  /** Parses a BatchNormalization node. */
  BatchNormalizationLayer(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.size() != 1) {
      throw config.error("needs exactly one input, got " + inputShapes.size());
    }
    this.shape = inputShapes.get(0).clone();
    int axis = channelAxis(config);
    // Keras counts the batch axis: the last axis of an (H, W, C) map is -1 or 3.
    if (axis != -1 && axis != shape.length) {
      throw config.error("config 'axis' " + axis + " is not supported; only the last axis "
          + "(-1 or " + shape.length + ") of input " + LayerConfig.shapeText(shape));
    }
    this.epsilon = config.number("epsilon", 1e-3);
    this.scale = config.bool("scale", true);
    this.center = config.bool("center", true);
  }

  /** The {@code axis} key: an integer, or (Keras 2 after building) a list of one. */
  private static int channelAxis(LayerConfig config) {
    if (config.has("axis") && config.raw("axis").isArray()) {
      int[] axes = config.integers("axis");
      if (axes.length != 1) {
        throw config.error("config 'axis' must name one axis, got " + config.raw("axis"));
      }
      return axes[0];
    }
    return config.integer("axis", -1);
  }

  @Override
  public int[] outputShape() {
    return shape.clone();
  }

  @Override
  public List<WeightSpec> weights() {
    int[] channels = {shape[shape.length - 1]};
    List<WeightSpec> specs = new ArrayList<>();
    if (scale) {
      specs.add(new WeightSpec("gamma", channels));
    }
    if (center) {
      specs.add(new WeightSpec("beta", channels));
    }
    specs.add(new WeightSpec("moving_mean", channels));
    specs.add(new WeightSpec("moving_variance", channels));
    return specs;
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    Tensor inv = multiplier(scope, weights);
    Tensor mean = weights.get(weights.size() - 2);
    Tensor shiftedMean = scope.multiply(mean, inv);
    Tensor offset = center ? scope.subtract(weights.get(scale ? 1 : 0), shiftedMean)
        : scope.scale(shiftedMean, -1);
    Tensor scaled = scope.multiply(inputs.get(0), inv);
    Tensor y = scope.biasAdd(scaled, offset);
    scope.release(scaled);
    return y;
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(scope.multiply(dy, multiplier(scope, weights)));
  }

  /** {@code gamma / sqrt(moving_variance + epsilon)}, or without gamma when scale is off. */
  private Tensor multiplier(TensorScope scope, List<Tensor> weights) {
    Tensor variance = weights.get(weights.size() - 1);
    Tensor eps = scope.constantLike(variance, new double[] {epsilon}, 1);
    Tensor inv = scope.rsqrt(scope.add(variance, eps));
    return scale ? scope.multiply(inv, weights.get(0)) : inv;
  }
}
