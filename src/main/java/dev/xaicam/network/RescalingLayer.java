package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras Rescaling: {@code y = x * scale + offset}, each one number or one per channel of the last
 * axis.
 */
final class RescalingLayer implements Layer {
  /** Per-image shape, unchanged. */
  private final int[] shape;
  /** Multiplier per channel. */
  private final double[] scale;
  /** Offset per channel. */
  private final double[] offset;

  /** Parses a Rescaling node ({@code offset} defaults to 0). */
  RescalingLayer(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.size() != 1) {
      throw config.error("needs exactly one input, got " + inputShapes.size());
    }
    this.shape = inputShapes.get(0).clone();
    int channels = shape[shape.length - 1];
    double[] s = ConfigNumbers.read(config, "scale");
    if (s == null) {
      throw config.error("config 'scale' is missing");
    }
    double[] o = ConfigNumbers.read(config, "offset");
    this.scale = ConfigNumbers.perChannel(config, "scale", s, channels);
    this.offset = ConfigNumbers.perChannel(config, "offset", o == null ? new double[] {0} : o,
        channels);
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
    Tensor scaled = scope.multiply(x, scope.constantLike(x, scale, scale.length));
    Tensor y = scope.add(scaled, scope.constantLike(x, offset, offset.length));
    scope.release(scaled);
    return y;
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(scope.multiply(dy, scope.constantLike(dy, scale, scale.length)));
  }
}
