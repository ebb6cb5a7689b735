package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** BatchNormalization at inference: weights per flag, axis rule, hand-worked values, backward. */
class BatchNormalizationLayerTest {

  @Test
  void weightsFollowScaleAndCenter() {
    int[] map = {4, 4, 3};
    int[] c = {3};
    assertThat(LayerGradientCheck.layer("BatchNormalization", "{}", map).weights())
        .containsExactly(new WeightSpec("gamma", c), new WeightSpec("beta", c),
            new WeightSpec("moving_mean", c), new WeightSpec("moving_variance", c));
    assertThat(LayerGradientCheck.layer("BatchNormalization", "{\"scale\": false}", map).weights())
        .containsExactly(new WeightSpec("beta", c), new WeightSpec("moving_mean", c),
            new WeightSpec("moving_variance", c));
    assertThat(LayerGradientCheck.layer("BatchNormalization", "{\"center\": false}", map)
        .weights()).containsExactly(new WeightSpec("gamma", c), new WeightSpec("moving_mean", c),
            new WeightSpec("moving_variance", c));
    assertThat(LayerGradientCheck.layer("BatchNormalization", "{\"axis\": [3]}", map)
        .outputShape()).containsExactly(4, 4, 3);
    assertThat(LayerGradientCheck.layer("BatchNormalization", "{\"axis\": 3}", map).weights())
        .hasSize(4);
  }

  @Test
  void onlyTheChannelAxisIsSupported() {
    assertThatThrownBy(() -> LayerGradientCheck.layer("BatchNormalization", "{\"axis\": 1}",
        new int[] {4, 4, 3})).hasMessageContaining("config 'axis' 1 is not supported")
        .hasMessageContaining("(-1 or 3)");
    assertThatThrownBy(() -> LayerGradientCheck.layer("BatchNormalization", "{\"axis\": [1, 2]}",
        new int[] {4, 4, 3})).hasMessageContaining("must name one axis");
  }

  @Test
  @Tag("native")
  void normalisesEachChannel() {
    // epsilon 1 keeps the square roots whole. Channel 0: gamma 4, beta 1, mean 1, variance 3:
    // (5 - 1) * 4 / sqrt(3 + 1) + 1 = 9. Channel 1: gamma 1, beta 0, mean -1, variance 0:
    // (2 + 1) * 1 / sqrt(0 + 1) + 0 = 3.
    Layer layer = LayerGradientCheck.layer("BatchNormalization", "{\"epsilon\": 1.0}",
        new int[] {1, 1, 2});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      List<dev.xaicam.engine.Tensor> w = List.of(s.fromDoubles(new double[] {4, 1}, 2),
          s.fromDoubles(new double[] {1, 0}, 2), s.fromDoubles(new double[] {1, -1}, 2),
          s.fromDoubles(new double[] {3, 0}, 2));
      double[] y = layer.forward(s, List.of(s.fromDoubles(new double[] {5, 2}, 1, 1, 1, 2)), w)
          .toDoubles();
      assertThat(y[0]).isCloseTo(9, within(1e-12));
      assertThat(y[1]).isCloseTo(3, within(1e-12));
      // Without gamma and beta: (5 - 1) / 2 = 2 and (2 + 1) / 1 = 3.
      Layer bare = LayerGradientCheck.layer("BatchNormalization",
          "{\"epsilon\": 1.0, \"scale\": false, \"center\": false}", new int[] {1, 1, 2});
      double[] z = bare.forward(s, List.of(s.fromDoubles(new double[] {5, 2}, 1, 1, 1, 2)),
          w.subList(2, 4)).toDoubles();
      assertThat(z[0]).isCloseTo(2, within(1e-12));
      assertThat(z[1]).isCloseTo(3, within(1e-12));
    }
  }

  @Test
  @Tag("native")
  void backwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      for (String config : List.of("{}", "{\"scale\": false, \"center\": false}",
          "{\"center\": false, \"epsilon\": 0.01}")) {
        Layer layer = LayerGradientCheck.layer("BatchNormalization", config, new int[] {3, 2, 4});
        LayerGradientCheck.assertBackwardMatchesForward(s, layer,
            LayerGradientCheck.randomWeights(s, layer, 4), 31, new int[] {2, 3, 2, 4});
      }
    }
  }
}
