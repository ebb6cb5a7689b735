package dev.xaicam.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A config value that is one number or several, as Rescaling and Normalization store them: a
 * number, a (possibly nested) list of numbers, or Keras 3's wrapped array
 * {@code {"class_name": "__numpy__" | "__tensor__", "config": {"value": ...}}}.
 */
final class ConfigNumbers {

  /** Static parsing only. */
  private ConfigNumbers() {}

  /** The numbers under {@code key} flattened row-major, or {@code null} when absent. */
  static double[] read(LayerConfig config, String key) {
    JsonNode v = config.raw(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isObject() && v.path("config").has("value")
        && List.of("__numpy__", "__tensor__").contains(v.path("class_name").asText())) {
      v = v.path("config").path("value");
    }
    List<Double> values = new ArrayList<>();
    if (!collect(v, values) || values.isEmpty()) {
      throw config.error("config '" + key + "' must be a number or a list of numbers, got " + v);
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Appends the numbers of {@code v} depth-first; false when something is not a number. */
  private static boolean collect(JsonNode v, List<Double> into) {
    if (v.isNumber()) {
      into.add(v.asDouble());
      return true;
    }
    if (!v.isArray()) {
      return false;
    }
    for (JsonNode item : v) {
      if (!collect(item, into)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The values as one per channel of {@code channels}: a single value repeated, or exactly
   * {@code channels} of them.
   */
  static double[] perChannel(LayerConfig config, String key, double[] values, int channels) {
    if (values.length == channels) {
      return values.clone();
    }
    if (values.length != 1) {
      throw config.error("config '" + key + "' has " + values.length + " values; need 1 or one per "
          + "channel (" + channels + ")");
    }
    double[] out = new double[channels];
    Arrays.fill(out, values[0]);
    return out;
  }
}
