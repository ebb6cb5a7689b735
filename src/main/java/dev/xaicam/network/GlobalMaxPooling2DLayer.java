package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras GlobalMaxPooling2D: the maximum of each channel over H and W. Its gradient follows
 * TensorFlow's for {@code reduce_max}: split evenly among the pixels that tie for the maximum.
 */
final class GlobalMaxPooling2DLayer implements Layer {
  /** Per-image input shape (H, W, C). */
  private final int[] inputShape;
  /** Whether the output keeps H and W as size 1 ({@code keepdims}). */
  private final boolean keepDims;

  /** Parses a GlobalMaxPooling2D node. */
  GlobalMaxPooling2DLayer(LayerConfig config, List<int[]> inputShapes) {
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
    Tensor max = scope.reduceMax(inputs.get(0), 1, 2);
    if (keepDims) {
      return max;
    }
    Tensor flat = scope.reshape(max, max.shape()[0], inputShape[2]);
    scope.release(max);
    return flat;
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    Tensor x = inputs.get(0);
    int[] xs = x.shape();
    // The maximum is >= every pixel, so "x >= max" marks exactly the pixels equal to it.
    Tensor winners = scope.greaterEqual(x, scope.reshape(output, xs[0], 1, 1, xs[3]));
    Tensor share = scope.divide(scope.reshape(dy, xs[0], 1, 1, xs[3]),
        scope.reduceSum(winners, 1, 2));
    return List.of(scope.multiply(winners, share));
  }

  @Override
  public boolean defaultTargetCandidate() {
    return false;
  }
}
