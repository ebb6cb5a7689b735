package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** MaxPooling2D: Keras's defaults (strides = pool size), SAME windows, values and gradients. */
class MaxPooling2DLayerTest {

  @Test
  void stridesDefaultToThePoolSize() {
    assertThat(LayerGradientCheck.layer("MaxPooling2D", "{}", new int[] {5, 5, 1}).outputShape())
        .containsExactly(2, 2, 1);
    assertThat(LayerGradientCheck.layer("MaxPooling2D", "{\"pool_size\":3}", new int[] {7, 7, 2})
        .outputShape()).containsExactly(2, 2, 2);
    Layer same = LayerGradientCheck.layer("MaxPooling2D",
        "{\"pool_size\":[3,3],\"strides\":[2,2],\"padding\":\"same\"}", new int[] {7, 7, 2});
    assertThat(same.outputShape()).containsExactly(4, 4, 2);
    assertThat(same.defaultTargetCandidate()).isFalse();
    assertThatThrownBy(() -> LayerGradientCheck.layer("MaxPooling2D", "{\"pool_size\":3}",
        new int[] {2, 2, 1})).isInstanceOf(XaiCamException.class)
        .hasMessageContaining("leaves no output of input (2, 2, 1)");
  }

  @Test
  @Tag("native")
  void takesWindowMaximaAndBackwardMatchesFiniteDifferences() {
    Layer layer = LayerGradientCheck.layer("MaxPooling2D", "{}", new int[] {4, 4, 1});
    double[] x = new double[16];
    for (int i = 0; i < 16; i++) {
      x[i] = i + 1;
    }
    Layer overlapping = LayerGradientCheck.layer("MaxPooling2D",
        "{\"pool_size\":3,\"strides\":2,\"padding\":\"same\"}", new int[] {7, 6, 3});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      assertThat(LayerGradientCheck.forward(s, layer, List.of(), x, 1, 4, 4, 1))
          .containsExactly(6, 8, 14, 16);
      LayerGradientCheck.assertBackwardMatchesForward(s, overlapping, List.of(), 3,
          new int[] {2, 7, 6, 3});
    }
  }
}
