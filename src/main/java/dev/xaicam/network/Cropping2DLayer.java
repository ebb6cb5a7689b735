package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/** Keras Cropping2D: rows and columns removed at the edges; the gradient pads them with zeros. */
final class Cropping2DLayer implements Layer {
  /** Rows and columns removed on each side. */
  private final Margins2D cropping;
  /** Per-image output shape. */
  private final int[] outputShape;

  /** Parses a Cropping2D node ({@code cropping} defaults to nothing). */
  Cropping2DLayer(LayerConfig config, List<int[]> inputShapes) {
    ChannelsLast.require(config);
    int[] in = ChannelsLast.singleMap(config, inputShapes);
    this.cropping = Margins2D.fromConfig(config, "cropping", 0);
    this.outputShape = new int[] {in[0] - cropping.top() - cropping.bottom(),
        in[1] - cropping.left() - cropping.right(), in[2]};
    if (outputShape[0] < 1 || outputShape[1] < 1) {
      throw config.error("cropping " + config.raw("cropping") + " leaves nothing of input "
          + LayerConfig.shapeText(in));
    }
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
    Tensor x = inputs.get(0);
    return scope.slice(x, cropping.before(),
        new int[] {x.shape()[0], outputShape[0], outputShape[1], outputShape[2]});
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(scope.pad(dy, cropping.before(), cropping.after()));
  }
}
