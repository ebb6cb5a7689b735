package dev.xaicam.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xaicam.XaiCamException;
import java.util.Arrays;

/**
 * Typed reading of one node's Keras config, with defaults as Keras defines them; every failure
 * is one setup error naming the layer, its class and the offending key.
 */
final class LayerConfig {
  /** The node whose config this reads. */
  private final NodeSpec node;
  /** The config object (empty when the node has none). */
  private final ObjectNode config;
  /** Major version of the Keras that wrote the config, for the few defaults that differ. */
  private final int kerasMajorVersion;

  /** Reads {@code node}'s config as Keras {@code kerasMajorVersion} (2 or 3) wrote it. */
  LayerConfig(NodeSpec node, int kerasMajorVersion) {
    this.node = node;
    ObjectNode c = node.config();
    this.config = c == null ? new ObjectNode(null) : c;
    this.kerasMajorVersion = kerasMajorVersion;
  }

  /** Major version of the Keras that wrote the config (2 or 3). */
  int kerasMajorVersion() {
    return kerasMajorVersion;
  }

  /** The node's full name (nested-model path included). */
  String layerName() {
    return node.name();
  }

  /** The node's Keras class name. */
  String className() {
    return node.className();
  }

  /** Whether the config has {@code key} with a non-null value. */
  boolean has(String key) {
    JsonNode v = config.get(key);
    return v != null && !v.isNull();
  }

  /** The raw value of {@code key}, or {@code null}. */
  JsonNode raw(String key) {
    return config.get(key);
  }

  /** A string value, or {@code fallback} when absent. */
  String string(String key, String fallback) {
    JsonNode v = config.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw invalid(key, "a string", v);
    }
    return v.asText();
  }

  /** An integer value, or {@code fallback} when absent. */
  int integer(String key, int fallback) {
    JsonNode v = config.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw invalid(key, "an integer", v);
    }
    return v.asInt();
  }

  /** A number, or {@code fallback} when absent. */
  double number(String key, double fallback) {
    JsonNode v = config.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw invalid(key, "a number", v);
    }
    return v.asDouble();
  }

  /** A boolean, or {@code fallback} when absent. */
  boolean bool(String key, boolean fallback) {
    JsonNode v = config.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw invalid(key, "true or false", v);
    }
    return v.asBoolean();
  }

  /**
   * A pair of integers as Keras accepts them for sizes and strides: one integer for both, or a
   * list of two; {@code fallback} when absent.
   */
  int[] pair(String key, int[] fallback) {
    JsonNode v = config.get(key);
    if (v == null || v.isNull()) {
      return fallback.clone();
    }
    if (v.isIntegralNumber()) {
      return new int[] {v.asInt(), v.asInt()};
    }
    int[] values = integers(key);
    if (values.length != 2) {
      throw invalid(key, "one integer or a list of two", v);
    }
    return values;
  }

  /** A list of integers ({@code null} entries are not allowed). */
  int[] integers(String key) {
    JsonNode v = config.get(key);
    if (v == null || !v.isArray()) {
      throw invalid(key, "a list of integers", v);
    }
    int[] out = new int[v.size()];
    for (int i = 0; i < out.length; i++) {
      if (!v.get(i).isIntegralNumber()) {
        throw invalid(key, "a list of integers", v);
      }
      out[i] = v.get(i).asInt();
    }
    return out;
  }

  /** A setup error naming the layer, its class and {@code problem}. */
  XaiCamException error(String problem) {
    return XaiCamException.setup("layer '" + node.name() + "' (" + node.className() + "): "
        + problem);
  }

  /** A setup error for a key whose value is not what {@code expected} says. */
  private XaiCamException invalid(String key, String expected, JsonNode actual) {
    return error("config '" + key + "' must be " + expected + ", got "
        + (actual == null ? "nothing" : actual.toString()));
  }

  /** A shape for messages, as Keras prints it: {@code (7, 7, 512)}. */
  static String shapeText(int[] shape) {
    String s = Arrays.toString(shape);
    return "(" + s.substring(1, s.length() - 1) + (shape.length == 1 ? ",)" : ")");
  }
}
