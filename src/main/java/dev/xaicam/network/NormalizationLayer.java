package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras Normalization over the last axis: {@code y = (x - mean) / max(sqrt(variance), 1e-7)}, or
 * with {@code invert} {@code y = mean + x * max(sqrt(variance), 1e-7)}. Mean and variance come
 * from the config when it holds them (Keras 3, or values passed to the constructor); otherwise
 * from the layer's weights {@code mean}, {@code variance} and the unused scalar {@code count},
 * as {@code adapt()} left them.
 */
final class NormalizationLayer implements Layer {
  /** Keras's {@code backend.epsilon()}, the floor of the standard deviation. */
  private static final double EPSILON = 1e-7;

  /** Per-image shape, unchanged. */
  private final int[] shape;
  /** Whether the layer undoes a normalization ({@code invert}). */
  private final boolean invert;
  /** Mean per channel from the config, or null when it comes from the weights. */
  private final double[] configMean;
  /** Variance per channel from the config, or null when it comes from the weights. */
  private final double[] configVariance;

  /** Parses a Normalization node. */
  NormalizationLayer(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.size() != 1) {
      throw config.error("needs exactly one input, got " + inputShapes.size());
    }
    this.shape = inputShapes.get(0).clone();
    int axis = normalizedAxis(config);
    if (axis != -1 && axis != shape.length) {
      throw config.error("config 'axis' " + config.raw("axis") + " is not supported; only the "
          + "last axis (-1 or " + shape.length + ") of input " + LayerConfig.shapeText(shape));
    }
    this.invert = config.bool("invert", false);
    double[] mean = ConfigNumbers.read(config, "mean");
    double[] variance = ConfigNumbers.read(config, "variance");
    if ((mean == null) != (variance == null)) {
      throw config.error("config 'mean' and 'variance' must both be set or both be absent");
    }
    int channels = shape[shape.length - 1];
    this.configMean = mean == null ? null
        : ConfigNumbers.perChannel(config, "mean", mean, channels);
    this.configVariance = variance == null ? null
        : ConfigNumbers.perChannel(config, "variance", variance, channels);
  }

  /** The one axis the config keeps: {@code axis} as an integer or a list of one (Keras 2). */
  private static int normalizedAxis(LayerConfig config) {
    if (!config.has("axis")) {
      return config.raw("axis") == null ? -1 : unsupportedAxis(config);
    }
    if (config.raw("axis").isArray()) {
      int[] axes = config.integers("axis");
      return axes.length == 1 ? axes[0] : unsupportedAxis(config);
    }
    return config.integer("axis", -1);
  }

  /** Fails for an axis setting other than one axis (null normalises over everything). */
  private static int unsupportedAxis(LayerConfig config) {
    throw config.error("config 'axis' " + config.raw("axis") + " is not supported; only the "
        + "last axis");
  }

  @Override
  public int[] outputShape() {
    return shape.clone();
  }

  @Override
  public List<WeightSpec> weights() {
    if (configMean != null) {
      return List.of();
    }
    int[] channels = {shape[shape.length - 1]};
    return List.of(new WeightSpec("mean", channels), new WeightSpec("variance", channels),
        new WeightSpec("count", new int[0]));
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    Tensor x = inputs.get(0);
    Tensor mean = configMean != null ? scope.constantLike(x, configMean, configMean.length)
        : weights.get(0);
    Tensor deviation = deviation(scope, x, weights);
    if (invert) {
      Tensor scaled = scope.multiply(x, deviation);
      Tensor y = scope.add(scaled, mean);
      scope.release(scaled);
      return y;
    }
    Tensor centred = scope.subtract(x, mean);
    Tensor y = scope.divide(centred, deviation);
    scope.release(centred);
    return y;
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    Tensor deviation = deviation(scope, dy, weights);
    return List.of(invert ? scope.multiply(dy, deviation) : scope.divide(dy, deviation));
  }

  /** {@code max(sqrt(variance), epsilon)} per channel, in {@code like}'s precision. */
  private Tensor deviation(TensorScope scope, Tensor like, List<Tensor> weights) {
    Tensor variance = configVariance != null
        ? scope.constantLike(like, configVariance, configVariance.length) : weights.get(1);
    return scope.maximum(scope.sqrt(variance),
        scope.constantLike(like, new double[] {EPSILON}, 1));
  }
}
