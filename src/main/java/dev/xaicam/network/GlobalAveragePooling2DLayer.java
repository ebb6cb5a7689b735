package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/** Keras GlobalAveragePooling2D: the mean of each channel over H and W. */
final class GlobalAveragePooling2DLayer implements Layer {
  /** Per-image input shape (H, W, C). */
  private final int[] inputShape;
  /** Whether the output keeps H and W as size 1 ({@code keepdims}). */
  private final boolean keepDims;

  /** Parses a GlobalAveragePooling2D node. */
  GlobalAveragePooling2DLayer(LayerConfig config, List<int[]> inputShapes) {
    ChannelsLast.require(config);
    this.inputShape = ChannelsLast.singleMap(config, inputShapes);
    this.keepDims = config.bool("keepdims", false);
  }

  @Override
  public int[] outputShape() {
    int c = inputShape[2];
    return keepDims ? new int[] {1, 1, c} : new int[] {c};
  }

  @Override
  public List<WeightSpec> weights() {
    return List.of();
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    Tensor mean = scope.reduceMean(inputs.get(0), 1, 2);
    if (keepDims) {
      return mean;
    }
    Tensor flat = scope.reshape(mean, mean.shape()[0], inputShape[2]);
    scope.release(mean);
    return flat;
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    int[] x = inputs.get(0).shape();
    Tensor perPixel = scope.scale(scope.reshape(dy, x[0], 1, 1, x[3]), 1.0 / (x[1] * x[2]));
    return List.of(scope.broadcastTo(perPixel, x));
  }

  @Override
  public boolean defaultTargetCandidate() {
    return false;
  }
}
