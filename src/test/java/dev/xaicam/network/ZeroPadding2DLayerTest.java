package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ZeroPadding2D: each padding form's shape, where the zeros go, and backward. */
class ZeroPadding2DLayerTest {

  @Test
  void everyPaddingFormGivesItsShape() {
    int[] map = {5, 6, 3};
    assertThat(LayerGradientCheck.layer("ZeroPadding2D", "{}", map).outputShape())
        .containsExactly(7, 8, 3);
    assertThat(LayerGradientCheck.layer("ZeroPadding2D", "{\"padding\": 2}", map).outputShape())
        .containsExactly(9, 10, 3);
    assertThat(LayerGradientCheck.layer("ZeroPadding2D", "{\"padding\": [1, 3]}", map)
        .outputShape()).containsExactly(7, 12, 3);
    assertThat(LayerGradientCheck.layer("ZeroPadding2D", "{\"padding\": [[0, 1], [2, 0]]}", map)
        .outputShape()).containsExactly(6, 8, 3);
  }

  @Test
  @Tag("native")
  void padsWithZerosWhereToldAndBackwardCropsThem() {
    Layer layer = LayerGradientCheck.layer("ZeroPadding2D", "{\"padding\": [[0, 1], [2, 0]]}",
        new int[] {1, 1, 1});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      // One pixel 7, no rows above, one below, two columns left: [[0, 0, 7], [0, 0, 0]].
      assertThat(layer.forward(s, List.of(s.fromDoubles(new double[] {7}, 1, 1, 1, 1)), List.of())
          .toDoubles()).containsExactly(0, 0, 7, 0, 0, 0);
      Layer asymmetric = LayerGradientCheck.layer("ZeroPadding2D",
          "{\"padding\": [[1, 2], [0, 3]]}", new int[] {3, 2, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, asymmetric, List.of(), 61,
          new int[] {2, 3, 2, 2});
    }
  }
}
