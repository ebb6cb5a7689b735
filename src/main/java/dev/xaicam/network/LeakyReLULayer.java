package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras LeakyReLU: x for x > 0, slope * x otherwise; the slope is {@code alpha} in Keras 2 and
 * {@code negative_slope} in Keras 3, 0.3 by default in both.
 */
final class LeakyReLULayer implements Layer {
  /** Keras's default slope. */
  private static final double DEFAULT_SLOPE = 0.3;
  /** Per-image shape, unchanged. */
  private final int[] shape;
  /** Slope for negative inputs. */
  private final double slope;

  /** Parses a LeakyReLU node. */
  LeakyReLULayer(LayerConfig config, List<int[]> inputShapes) {
    this.shape = SpatialConfig.single(config, inputShapes);
    this.slope = config.has("negative_slope") ? config.number("negative_slope", DEFAULT_SLOPE)
        : config.number("alpha", DEFAULT_SLOPE);
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
    return scope.leakyRelu(inputs.get(0), slope);
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(scope.leakyReluGrad(dy, inputs.get(0), slope));
  }
}
