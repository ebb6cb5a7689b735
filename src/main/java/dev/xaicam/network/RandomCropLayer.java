package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras RandomCrop at inference, as Keras 2.9+ and Keras 3.0-3.7 compute it
 * ({@code smart_resize}): the largest centred block with the target's aspect ratio, resized
 * bilinearly to {@code (height, width)}. An input already of that size passes unchanged.
 */
final class RandomCropLayer implements Layer {
  /** Channels, unchanged. */
  private final int channels;
  /** The crop and resize as a linear map. */
  private final Resampling resampling;

  /** Parses a RandomCrop node. */
  RandomCropLayer(LayerConfig config, List<int[]> inputShapes) {
    ChannelsLast.require(config);
    int[] in = ChannelsLast.singleMap(config, inputShapes);
    this.channels = in[2];
    int[] target = TargetSize.fromConfig(config);
    // Keras: crop height = floor(W * th / tw) and crop width = floor(H * tw / th), each at most
    // the input, at least 1, centred with the start rounded down.
    int[] crop = {
        (int) Math.max(1, Math.min(in[0], (long) in[1] * target[0] / target[1])),
        (int) Math.max(1, Math.min(in[1], (long) in[0] * target[1] / target[0]))};
    int[] origin = {(in[0] - crop[0]) / 2, (in[1] - crop[1]) / 2};
    this.resampling = Resampling.of(new int[] {in[0], in[1]}, origin, crop, target, false);
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

  @Override
  public boolean defaultTargetCandidate() {
    return false;
  }
}
