package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Normalization: config or weight statistics, invert, the epsilon floor, errors and backward. */
class NormalizationLayerTest {

  @Test
  void weightsOnlyWhenTheConfigHoldsNoStatistics() {
    int[] map = {4, 4, 3};
    assertThat(LayerGradientCheck.layer("Normalization", "{\"axis\": [-1]}", map).weights())
        .containsExactly(new WeightSpec("mean", new int[] {3}),
            new WeightSpec("variance", new int[] {3}), new WeightSpec("count", new int[0]));
    assertThat(LayerGradientCheck.layer("Normalization",
        "{\"axis\": 3, \"mean\": [1, 2, 3], \"variance\": 4}", map).weights()).isEmpty();
  }

  @Test
  void configErrors() {
    int[] map = {4, 4, 3};
    assertThatThrownBy(() -> LayerGradientCheck.layer("Normalization", "{\"axis\": null}", map))
        .hasMessageContaining("config 'axis' null is not supported");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Normalization", "{\"axis\": [1, 2]}", map))
        .hasMessageContaining("is not supported");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Normalization", "{\"axis\": 2}", map))
        .hasMessageContaining("(-1 or 3)");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Normalization", "{\"mean\": 1}", map))
        .hasMessageContaining("both be set");
  }

  @Test
  @Tag("native")
  void standardisesWithConfigOrWeightStatistics() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Tensor x = s.fromDoubles(new double[] {3, 5}, 1, 1, 1, 2);
      // (3 - 1) / sqrt(4) = 1; (5 - 2) / max(sqrt(0), 1e-7) = 3e7.
      Layer fromConfig = LayerGradientCheck.layer("Normalization",
          "{\"mean\": [1, 2], \"variance\": [4, 0]}", new int[] {1, 1, 2});
      assertThat(fromConfig.forward(s, List.of(x), List.of()).toDoubles())
          .containsExactly(1, 3e7);
      // Weights (mean, variance, count); invert: 1 + 3 * 2 = 7 and 2 + 5 * 3 = 17.
      Layer inverted = LayerGradientCheck.layer("Normalization", "{\"invert\": true}",
          new int[] {1, 1, 2});
      List<Tensor> w = List.of(s.fromDoubles(new double[] {1, 2}, 2),
          s.fromDoubles(new double[] {4, 9}, 2), s.fromDoubles(new double[] {100}, 1));
      assertThat(inverted.forward(s, List.of(x), w).toDoubles()).containsExactly(7, 17);
      Layer invertedMap = LayerGradientCheck.layer("Normalization", "{\"invert\": true}",
          new int[] {2, 2, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, invertedMap, w, 131,
          new int[] {2, 2, 2, 2});
      Layer plain = LayerGradientCheck.layer("Normalization", "{}", new int[] {2, 2, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, plain, w, 132, new int[] {2, 2, 2, 2});
      Layer configured = LayerGradientCheck.layer("Normalization",
          "{\"mean\": 0.5, \"variance\": [0.25, 2]}", new int[] {3, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, configured, List.of(), 133,
          new int[] {2, 3, 2});
    }
  }
}
