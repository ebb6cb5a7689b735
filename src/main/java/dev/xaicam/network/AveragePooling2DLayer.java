package dev.xaicam.network;

import dev.xaicam.engine.PoolOptions;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras AveragePooling2D: any window, strides and padding; with {@code same} padding each mean
 * covers only the cells inside the input, as TensorFlow's AvgPool (and so Keras) computes it.
 */
final class AveragePooling2DLayer implements Layer {
  /** Window, strides and padding. */
  private final PoolOptions options;
  /** Per-image output shape. */
  private final int[] outputShape;

  /** Parses an AveragePooling2D node. */
  AveragePooling2DLayer(LayerConfig config, List<int[]> inputShapes) {
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
    return scope.avgPool(inputs.get(0), options);
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(scope.avgPoolGrad(inputs.get(0).shape(), dy, options));
  }

  /** A pooled map only repeats the layer below at a coarser grid. */
  @Override
  public boolean defaultTargetCandidate() {
    return false;
  }
}
