package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reshape: the -1 rule, size errors, row-major order and backward. */
class ReshapeLayerTest {

  @Test
  void resolvesMinusOneAndRefusesWrongSizes() {
    assertThat(LayerGradientCheck.layer("Reshape", "{\"target_shape\": [-1, 2]}",
        new int[] {2, 3, 2}).outputShape()).containsExactly(6, 2);
    assertThat(LayerGradientCheck.layer("Reshape", "{\"target_shape\": [1, 1, 8]}",
        new int[] {8}).outputShape()).containsExactly(1, 1, 8);
    assertThatThrownBy(() -> LayerGradientCheck.layer("Reshape", "{\"target_shape\": [5]}",
        new int[] {8})).hasMessageContaining("cannot reshape input (8,) to (5,)");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Reshape", "{\"target_shape\": [-1, 3]}",
        new int[] {8})).hasMessageContaining("cannot reshape");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Reshape", "{\"target_shape\": [-1, -1]}",
        new int[] {8})).hasMessageContaining("one -1");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Reshape", "{}", new int[] {8}))
        .hasMessageContaining("'target_shape'");
  }

  @Test
  @Tag("native")
  void keepsRowMajorOrderAndBackwardMatchesFiniteDifferences() {
    Layer layer = LayerGradientCheck.layer("Reshape", "{\"target_shape\": [3, 2]}",
        new int[] {1, 1, 6});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      double[] x = {1, 2, 3, 4, 5, 6};
      var y = layer.forward(s, List.of(s.fromDoubles(x, 1, 1, 1, 6)), List.of());
      assertThat(y.shape()).containsExactly(1, 3, 2);
      assertThat(y.toDoubles()).containsExactly(x);
      LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 81,
          new int[] {2, 1, 1, 6});
    }
  }
}
