package dev.xaicam.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/** Keras Softmax layer, over the last axis (the only axis classifiers use). */
final class SoftmaxLayer implements Layer {
  /** Per-image shape, unchanged. */
  private final int[] shape;
  /** The softmax activation with its gradient. */
  private final Activation softmax;

  /** Parses a Softmax node; {@code axis} must name the last axis. */
  SoftmaxLayer(LayerConfig config, List<int[]> inputShapes) {
    this.shape = SpatialConfig.single(config, inputShapes);
    JsonNode axis = config.raw("axis");
    if (axis != null && axis.isArray() && axis.size() == 1) {
      axis = axis.get(0);
    }
    boolean last = axis == null || axis.isNull()
        || axis.isIntegralNumber() && (axis.asInt() == -1 || axis.asInt() == shape.length);
    if (!last) {
      throw config.error("softmax over axis " + axis + " is not supported; only the last axis");
    }
    this.softmax = Activations.named("softmax", config.kerasMajorVersion());
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
    return softmax.apply(scope, inputs.get(0));
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(softmax.gradient(scope, inputs.get(0), output, dy));
  }

  @Override
  public String outputActivation() {
    return softmax.name();
  }

  @Override
  public Layer withLinearOutput() {
    return ActivationLayer.identity(shape);
  }
}
