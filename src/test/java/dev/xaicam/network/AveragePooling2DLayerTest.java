package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** AveragePooling2D: SAME windows average only real cells; gradients by finite differences. */
class AveragePooling2DLayerTest {

  @Test
  @Tag("native")
  void sameWindowsExcludePaddedCellsFromTheMean() {
    Layer layer = LayerGradientCheck.layer("AveragePooling2D",
        "{\"pool_size\":2,\"padding\":\"same\"}", new int[] {3, 3, 1});
    assertThat(layer.outputShape()).containsExactly(2, 2, 1);
    assertThat(layer.defaultTargetCandidate()).isFalse();
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
      // (1+2+4+5)/4, (3+6)/2, (7+8)/2, 9/1
      assertThat(LayerGradientCheck.forward(s, layer, List.of(), x, 1, 3, 3, 1))
          .containsExactly(3, 4.5, 7.5, 9);
    }
  }

  @Test
  @Tag("native")
  void backwardMatchesFiniteDifferences() {
    Layer layer = LayerGradientCheck.layer("AveragePooling2D",
        "{\"pool_size\":[3,2],\"strides\":[2,1],\"padding\":\"same\"}", new int[] {5, 4, 3});
    assertThat(layer.outputShape()).containsExactly(3, 4, 3);
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 5,
          new int[] {2, 5, 4, 3});
    }
  }
}
