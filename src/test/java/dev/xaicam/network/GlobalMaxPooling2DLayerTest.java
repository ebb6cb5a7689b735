package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** GlobalMaxPooling2D: shapes, maxima, the tie rule and backward. */
class GlobalMaxPooling2DLayerTest {

  @Test
  void shapeWithAndWithoutKeepdims() {
    Layer flat = LayerGradientCheck.layer("GlobalMaxPooling2D", "{}", new int[] {5, 4, 8});
    assertThat(flat.outputShape()).containsExactly(8);
    assertThat(flat.defaultTargetCandidate()).isFalse();
    assertThat(LayerGradientCheck.layer("GlobalMaxPooling2D", "{\"keepdims\": true}",
        new int[] {5, 4, 8}).outputShape()).containsExactly(1, 1, 8);
  }

  @Test
  @Tag("native")
  void takesTheMaximumAndSplitsTiedGradientsEvenly() {
    Layer layer = LayerGradientCheck.layer("GlobalMaxPooling2D", "{}", new int[] {2, 2, 2});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      // Channel 0: 1, 3, 3, 2 (a tie at 3); channel 1: 4, 0, -1, 2.
      Tensor x = s.fromDoubles(new double[] {1, 4, 3, 0, 3, -1, 2, 2}, 1, 2, 2, 2);
      Tensor y = layer.forward(s, List.of(x), List.of());
      assertThat(y.toDoubles()).containsExactly(3, 4);
      // dy (10, 6): channel 0 splits 10 between its two 3s, as TensorFlow's reduce_max does.
      Tensor dx = layer.backward(s, List.of(x), y, s.fromDoubles(new double[] {10, 6}, 1, 2),
          List.of()).get(0);
      assertThat(dx.toDoubles()).containsExactly(0, 6, 5, 0, 5, 0, 0, 0);
    }
  }

  @Test
  @Tag("native")
  void backwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer layer = LayerGradientCheck.layer("GlobalMaxPooling2D", "{}", new int[] {3, 3, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 51,
          new int[] {2, 3, 3, 2});
      Layer kept = LayerGradientCheck.layer("GlobalMaxPooling2D", "{\"keepdims\": true}",
          new int[] {2, 4, 3});
      LayerGradientCheck.assertBackwardMatchesForward(s, kept, List.of(), 52,
          new int[] {2, 2, 4, 3});
    }
  }
}
