package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorEngine;
import dev.xaicam.engine.TensorScope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** FusedActivation: linear by default, identity both ways, anything else refused by name. */
class FusedActivationTest {

  @Test
  void linearWhenAbsentAndOthersRefused() {
    assertThat(FusedActivation.fromConfig(ConfigFixtures.config("DepthwiseConv2D", "{}")))
        .isSameAs(FusedActivation.LINEAR);
    assertThat(FusedActivation.fromConfig(ConfigFixtures.config("DepthwiseConv2D",
        "{\"activation\": \"linear\"}")).name()).isEqualTo("linear");
    assertThatThrownBy(() -> FusedActivation.fromConfig(ConfigFixtures.config("DepthwiseConv2D",
        "{\"activation\": \"relu6\"}"))).hasMessageContaining("fused activation 'relu6'");
  }

  @Test
  @Tag("native")
  void linearPassesValuesAndGradientsThrough() {
    try (TensorScope s = TensorEngine.openScope()) {
      Tensor z = s.fromDoubles(new double[] {-1, 2}, 2);
      Tensor dy = s.fromDoubles(new double[] {3, 4}, 2);
      assertThat(FusedActivation.LINEAR.apply(s, z).toDoubles()).containsExactly(-1, 2);
      assertThat(FusedActivation.LINEAR.gradient(s, () -> z, z, dy).toDoubles())
          .containsExactly(3, 4);
    }
  }
}
