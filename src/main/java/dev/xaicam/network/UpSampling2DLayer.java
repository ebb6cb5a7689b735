package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras UpSampling2D: the map enlarged by whole factors {@code size}, repeating pixels
 * ({@code nearest}, the default) or interpolating as {@code tf.image.resize} does
 * ({@code bilinear}).
 */
final class UpSampling2DLayer implements Layer {
  /** Per-image input shape (H, W, C). */
  private final int[] inputShape;
  /** The resize as a linear map. */
  private final Resampling resampling;

  /** Parses an UpSampling2D node. */
  UpSampling2DLayer(LayerConfig config, List<int[]> inputShapes) {
    ChannelsLast.require(config);
    this.inputShape = ChannelsLast.singleMap(config, inputShapes);
    int[] size = config.pair("size", new int[] {2, 2});
    if (size[0] < 1 || size[1] < 1) {
      throw config.error("config 'size' must be positive, got " + LayerConfig.shapeText(size));
    }
    int[] in = {inputShape[0], inputShape[1]};
    this.resampling = Resampling.of(in, new int[2], in,
        new int[] {in[0] * size[0], in[1] * size[1]},
        Resampling.nearestFromConfig(config, "nearest"));
  }

  @Override
  public int[] outputShape() {
    int[] hw = resampling.outputSize();
    return new int[] {hw[0], hw[1], inputShape[2]};
  }

  @Override
  public List<WeightSpec> weights() {
    return List.of();
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    return resampling.apply(scope, inputs.get(0));
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(resampling.transpose(scope, dy));
  }
}
