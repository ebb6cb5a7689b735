package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** GlobalAveragePooling2D: shapes with and without keepdims, means, errors and backward. */
class GlobalAveragePooling2DLayerTest {

  @Test
  void shapeWithAndWithoutKeepdims() {
    Layer flat = LayerGradientCheck.layer("GlobalAveragePooling2D", "{}", new int[] {7, 7, 32});
    assertThat(flat.outputShape()).containsExactly(32);
    assertThat(flat.defaultTargetCandidate()).isFalse();
    assertThat(flat.weights()).isEmpty();
    assertThat(LayerGradientCheck.layer("GlobalAveragePooling2D", "{\"keepdims\": true}",
        new int[] {7, 7, 32}).outputShape()).containsExactly(1, 1, 32);
    assertThatThrownBy(() -> LayerGradientCheck.layer("GlobalAveragePooling2D",
        "{\"data_format\": \"channels_first\"}", new int[] {7, 7, 32}))
        .hasMessageContaining("only channels_last");
    assertThatThrownBy(() -> LayerGradientCheck.layer("GlobalAveragePooling2D", "{}",
        new int[] {32})).hasMessageContaining("(H, W, C)");
  }

  @Test
  @Tag("native")
  void averagesEachChannelAndBackwardMatchesFiniteDifferences() {
    Layer layer = LayerGradientCheck.layer("GlobalAveragePooling2D", "{}", new int[] {2, 2, 2});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      // Channel 0: 1, 2, 3, 6 -> 3; channel 1: 0, 0, 0, 8 -> 2.
      double[] x = {1, 0, 2, 0, 3, 0, 6, 8};
      assertThat(layer.forward(s, List.of(s.fromDoubles(x, 1, 2, 2, 2)), List.of()).toDoubles())
          .containsExactly(3, 2);
      LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 41,
          new int[] {2, 2, 2, 2});
      Layer kept = LayerGradientCheck.layer("GlobalAveragePooling2D", "{\"keepdims\": true}",
          new int[] {3, 2, 4});
      LayerGradientCheck.assertBackwardMatchesForward(s, kept, List.of(), 42,
          new int[] {2, 3, 2, 4});
    }
  }
}
