package dev.xaicam.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the weight types of {@code dev.xaicam.network} and the old
 * {@code dev.xaicam.model}, whose {@code KerasWeightsFile} still reads and writes the demo model's
 * file. For the lead: delete once the weight file speaks {@code network.ModelWeights}.
 */
final class LegacyWeights {

  /** Static conversions only. */
  private LegacyWeights() {}

  /** The network's weights in the old type. */
  static dev.xaicam.model.ModelWeights toLegacy(dev.xaicam.network.ModelWeights weights) {
    Map<String, List<dev.xaicam.model.WeightArray>> byLayer = new LinkedHashMap<>();
    weights.byLayer().forEach((layer, arrays) -> byLayer.put(layer, arrays.stream()
        .map(a -> new dev.xaicam.model.WeightArray(a.shape(), a.values())).toList()));
    return new dev.xaicam.model.ModelWeights(byLayer);
  }

  /** The old type's weights for the network. */
  static dev.xaicam.network.ModelWeights fromLegacy(dev.xaicam.model.ModelWeights weights) {
    Map<String, List<dev.xaicam.network.WeightArray>> byLayer = new LinkedHashMap<>();
    weights.byLayer().forEach((layer, arrays) -> byLayer.put(layer, arrays.stream()
        .map(a -> new dev.xaicam.network.WeightArray(a.shape(), a.values())).toList()));
    return new dev.xaicam.network.ModelWeights(byLayer);
  }
}
