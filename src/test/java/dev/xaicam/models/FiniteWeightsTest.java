package dev.xaicam.models;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiniteWeightsTest {

  @Test
  void finiteWeightsPassIncludingTheLargestFloat() {
    assertThatCode(() -> FiniteWeights.check("dense", List.of(new float[] {0f, -Float.MAX_VALUE, Float.MIN_VALUE},
        new float[] {Float.MAX_VALUE}))).doesNotThrowAnyException();
  }

  @Test
  void aNaNOrAnInfinityIsASetupErrorNamingTheLayerArrayAndPosition() {
    assertThatThrownBy(() -> FiniteWeights.check("block1_conv1", List.of(new float[] {1f, 2f},
        new float[] {0f, 0f, Float.NaN})))
        .isInstanceOfSatisfying(XaiCamException.class, e -> org.assertj.core.api.Assertions.assertThat(e.exitCode())
            .isEqualTo(XaiCamException.EXIT_SETUP))
        .hasMessage("the weights of layer block1_conv1 are not finite: weight array 1 of 2 holds NaN at position 2"
            + " of 3; the weight file is damaged");
    assertThatThrownBy(() -> FiniteWeights.check("predictions", List.of(new float[] {Float.NEGATIVE_INFINITY})))
        .hasMessageContaining("predictions").hasMessageContaining("-Infinity at position 0 of 1");
  }
}
