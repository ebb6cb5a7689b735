package dev.xaicam.network;

import dev.xaicam.engine.PoolOptions;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/** Keras MaxPooling2D: any window, strides and padding; gradients go to each window's maximum. */
final class MaxPooling2DLayer implements Layer {
  /** Window, strides and padding. */
  private final PoolOptions options;
  /** Per-image output shape. */
  private final int[] outputShape;

  /** Parses a MaxPooling2D node. */
  MaxPooling2DLayer(LayerConfig config, List<int[]> inputShapes) {
    int[] in = SpatialConfig.singleMap(config, inputShapes);
    this.options = SpatialConfig.pool(config, in);
    this.outputShape = SpatialConfig.pooled(options, in);
  }

  @Override
  public int[] outputShape() {
    return outputShape.clone();
  }

  @Override
  public List<WeightSpec> weights() {
    return List.of();
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    return scope.maxPool(inputs.get(0), options);
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(scope.maxPoolGrad(inputs.get(0), output, dy, options));
  }

  /** A pooled map only repeats the layer below at a coarser grid. */
  @Override
  public boolean defaultTargetCandidate() {
    return false;
  }
}
