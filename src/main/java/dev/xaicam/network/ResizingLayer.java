package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras Resizing: the map resized to {@code (height, width)} as {@code tf.image.resize} does
 * without antialiasing (bilinear by default, or nearest), aspect ratio not preserved.
 */
final class ResizingLayer implements Layer {
  /** Channels, unchanged. */
  private final int channels;
  /** The resize as a linear map. */
  private final Resampling resampling;

  /** Parses a Resizing node. */
  ResizingLayer(LayerConfig config, List<int[]> inputShapes) {
    ChannelsLast.require(config);
    int[] in = ChannelsLast.singleMap(config, inputShapes);
    this.channels = in[2];
    for (String flag : List.of("crop_to_aspect_ratio", "pad_to_aspect_ratio", "antialias")) {
      if (config.bool(flag, false)) {
        throw config.error("config '" + flag + "' true is not supported; only false");
      }
    }
    int[] out = TargetSize.fromConfig(config);
    int[] hw = {in[0], in[1]};
    this.resampling = Resampling.of(hw, new int[2], hw, out,
        Resampling.nearestFromConfig(config, "bilinear"));
  }

  @Override
  public int[] outputShape() {
    int[] hw = resampling.outputSize();
    return new int[] {hw[0], hw[1], channels};
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
