package dev.xaicam.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's weights by layer name, in the file's layer order; weightless layers (pooling,
 * flatten, input) map to an empty list.
 *
 * @param byLayer layer name to that layer's weight tensors in Keras order (kernel, then bias)
 */
public record ModelWeights(Map<String, List<WeightArray>> byLayer) {

  /** Takes an ordered, unmodifiable copy. */
  public ModelWeights {
    LinkedHashMap<String, List<WeightArray>> copy = new LinkedHashMap<>();
    byLayer.forEach((name, arrays) -> copy.put(name, List.copyOf(arrays)));
    byLayer = Collections.unmodifiableMap(copy);
  }

  /** The weight tensors of one layer, or an empty list when the layer has none or is absent. */
  public List<WeightArray> of(String layerName) {
    return byLayer.getOrDefault(layerName, List.of());
  }

  /** Whether the file listed this layer at all. */
  public boolean has(String layerName) {
    return byLayer.containsKey(layerName);
  }

  /** Only the layers that have weights, in the same order. */
  public ModelWeights withoutWeightlessLayers() {
    Map<String, List<WeightArray>> kept = new LinkedHashMap<>();
    byLayer.forEach((name, arrays) -> {
      if (!arrays.isEmpty()) {
        kept.put(name, arrays);
      }
    });
    return new ModelWeights(kept);
  }

  /** Total number of scalar parameters. */
  public long parameterCount() {
    long n = 0;
    for (List<WeightArray> arrays : byLayer.values()) {
      for (WeightArray a : arrays) {
        n += a.size();
      }
    }
    return n;
  }
}
