package dev.xaicam.keras;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One entry of a Keras model config's {@code layers} list, before flattening.
 *
 * @param name the layer's name, unique within its model
 * @param className Keras's class name ({@code Conv2D}, {@code Functional}, ...)
 * @param config the layer's {@code config} object as written
 * @param calls for a Functional model's layer, the input tensors of each call in the model (a
 *     layer called twice is a shared layer); empty inside a Sequential model, where each layer
 *     reads the one before
 * @param nested the model config when this layer is itself a model, else {@code null}
 */
record ConfigLayer(
    String name, String className, ObjectNode config, List<List<TensorRef>> calls,
    ConfigModel nested) {

  /** Keras's class name of input placeholders. */
  static final String INPUT_LAYER = "InputLayer";

  /** Takes an immutable copy of the calls. */
  ConfigLayer {
    calls = calls.stream().map(List::copyOf).toList();
  }

  /** Whether this entry is an input placeholder. */
  boolean isInput() {
    return INPUT_LAYER.equals(className);
  }

  /** The layer's node name under the path {@code prefix} of enclosing models ("" at top level). */
  String path(String prefix) {
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }
}
