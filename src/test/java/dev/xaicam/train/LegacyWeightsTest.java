package dev.xaicam.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversions between the two weight types keep names, order, shapes and values. */
class LegacyWeightsTest {

  @Test
  void roundTripKeepsEverything() {
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    byLayer.put("input_1", List.of());
    byLayer.put("dense", List.of(new WeightArray(new int[] {2, 1}, new float[] {1, 2}),
        new WeightArray(new int[] {1}, new float[] {3})));
    ModelWeights weights = new ModelWeights(byLayer);
    dev.xaicam.model.ModelWeights legacy = LegacyWeights.toLegacy(weights);
    assertThat(legacy.byLayer().keySet()).containsExactly("input_1", "dense");
    assertThat(legacy.of("dense").get(0).shape()).containsExactly(2, 1);
    assertThat(LegacyWeights.fromLegacy(legacy)).isEqualTo(weights);
  }
}
