package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Flatten: shape rule, row-major order, and its backward against finite differences. */
class FlattenLayerTest {

  @Test
  void flattensTheWholeMap() {
    Layer layer = LayerGradientCheck.layer("Flatten", "{}", new int[] {7, 7, 512});
    assertThat(layer.outputShape()).containsExactly(25088);
    assertThat(layer.weights()).isEmpty();
  }

  @Test
  @Tag("native")
  void keepsRowMajorOrderAndBackwardMatchesFiniteDifferences() {
    Layer layer = LayerGradientCheck.layer("Flatten", "{}", new int[] {2, 3, 2});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
      assertThat(layer.forward(s, List.of(s.fromDoubles(x, 1, 2, 3, 2)), List.of()).toDoubles())
          .containsExactly(x);
      LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 7, new int[] {2, 2, 3, 2});
    }
  }
}
