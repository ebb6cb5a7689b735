package dev.xaicam.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Keras model config (the top-level model or one nested as a layer), before flattening.
 *
 * @param name the model's name
 * @param className {@code Sequential}, {@code Functional} or {@code Model}
 * @param sequential whether layers form a chain (each reads the one before)
 * @param layers the layer entries in config order
 * @param inputs a Functional model's input tensors; empty for a Sequential model
 * @param outputs a Functional model's output tensors; empty for a Sequential model
 * @param buildInputShape a Keras 3 Sequential model's {@code build_input_shape}, or {@code null}
 */
record ConfigModel(
    String name, String className, boolean sequential, List<ConfigLayer> layers,
    List<TensorRef> inputs, List<TensorRef> outputs, JsonNode buildInputShape) {

  /** Takes immutable copies. */
  ConfigModel {
    layers = List.copyOf(layers);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The layer entry called {@code layerName}, or {@code null}. */
  ConfigLayer layer(String layerName) {
    for (ConfigLayer layer : layers) {
      if (layer.name().equals(layerName)) {
        return layer;
      }
    }
    return null;
  }
}
