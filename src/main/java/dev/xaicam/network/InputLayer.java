package dev.xaicam.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * Keras InputLayer: the model's input, shaped by {@code batch_input_shape} (Keras 2) or
 * {@code batch_shape} (Keras 3). As the graph's first node it has no inputs and passes the fed
 * batch on; inside a flattened nested model it has one input, which it passes on unchanged.
 */
final class InputLayer implements Layer {
  /** Per-image shape. */
  private final int[] shape;

  /** Parses an InputLayer node. */
  InputLayer(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.size() > 1) {
      throw config.error("takes at most one input, got " + inputShapes.size());
    }
    Integer[] declared = declaredShape(config);
    if (inputShapes.isEmpty()) {
      if (declared == null) {
        throw config.error("has neither batch_input_shape nor batch_shape");
      }
      this.shape = new int[declared.length];
      for (int i = 0; i < declared.length; i++) {
        if (declared[i] == null) {
          throw config.error("leaves its input size open " + openText(declared)
              + "; give one with --input-size HxW");
        }
        shape[i] = declared[i];
      }
    } else {
      this.shape = inputShapes.get(0).clone();
      if (declared != null && !fits(declared, shape)) {
        throw config.error("declares input " + openText(declared) + " but is fed "
            + LayerConfig.shapeText(shape));
      }
    }
    if (shape.length == 0) {
      throw config.error("declares a scalar input");
    }
  }

  /** The declared per-image shape with {@code null} for open sizes, or null when none. */
  private static Integer[] declaredShape(LayerConfig config) {
    String key = config.has("batch_input_shape") ? "batch_input_shape" : "batch_shape";
    JsonNode v = config.raw(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray() || v.size() < 2) {
      throw config.error("config '" + key + "' must list the batch and at least one more axis,"
          + " got " + v);
    }
    Integer[] shape = new Integer[v.size() - 1];
    for (int i = 1; i < v.size(); i++) {
      JsonNode d = v.get(i);
      if (d.isNull()) {
        continue;
      }
      if (!d.isIntegralNumber() || d.asInt() < 1) {
        throw config.error("config '" + key + "' must hold positive sizes or null, got " + v);
      }
      shape[i - 1] = d.asInt();
    }
    return shape;
  }

  /** Whether {@code shape} matches {@code declared} at every declared size. */
  private static boolean fits(Integer[] declared, int[] shape) {
    if (declared.length != shape.length) {
      return false;
    }
    for (int i = 0; i < shape.length; i++) {
      if (declared[i] != null && declared[i] != shape[i]) {
        return false;
      }
    }
    return true;
  }

  /** A declared shape as Keras prints it, {@code None} for open sizes. */
  private static String openText(Integer[] declared) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < declared.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(declared[i] == null ? "None" : declared[i]);
    }
    return sb.append(declared.length == 1 ? ",)" : ")").toString();
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
    return inputs.get(0);
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    return List.of(dy);
  }

  /** The input image is never a CAM target. */
  @Override
  public boolean defaultTargetCandidate() {
    return false;
  }
}
