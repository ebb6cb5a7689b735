package dev.xaicam.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Test support: a {@link LayerConfig} for a node of some class with an inline JSON config. */
final class ConfigFixtures {
  /** JSON parser for inline configs. */
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Static methods only. */
  private ConfigFixtures() {}

  /** The config of a one-input node named {@code layer} of class {@code className}. */
  static LayerConfig config(String className, String json) {
    try {
      return new LayerConfig(new NodeSpec("layer", className, (ObjectNode) JSON.readTree(json),
          List.of("in0")), GraphSpec.KERAS_2);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
