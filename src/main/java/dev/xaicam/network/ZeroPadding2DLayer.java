package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/** Keras ZeroPadding2D: rows and columns of zeros around the map; the gradient crops them. */
final class ZeroPadding2DLayer implements Layer {
  /** Per-image input shape (H, W, C). */
  private final int[] inputShape;
  /** Zeros on each side. */
  private final Margins2D padding;

  /** Parses a ZeroPadding2D node ({@code padding} defaults to 1 on every side). */
  ZeroPadding2DLayer(LayerConfig config, List<int[]> inputShapes) {
    ChannelsLast.require(config);
    this.inputShape = ChannelsLast.singleMap(config, inputShapes);
    this.padding = Margins2D.fromConfig(config, "padding", 1);
  }

  @Override
  public int[] outputShape() {
    return new int[] {inputShape[0] + padding.top() + padding.bottom(),
        inputShape[1] + padding.left() + padding.right(), inputShape[2]};
  }

  @Override
  public List<WeightSpec> weights() {
    return List.of();
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights) {
    return scope.pad(inputs.get(0), padding.before(), padding.after());
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(scope.slice(dy, padding.before(), inputs.get(0).shape()));
  }
}
