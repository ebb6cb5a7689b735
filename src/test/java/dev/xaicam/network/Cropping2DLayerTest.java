package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Cropping2D: shapes, which pixels stay, over-cropping, and backward. */
class Cropping2DLayerTest {

  @Test
  void shapesAndOverCropping() {
    int[] map = {5, 6, 3};
    assertThat(LayerGradientCheck.layer("Cropping2D", "{}", map).outputShape())
        .containsExactly(5, 6, 3);
    assertThat(LayerGradientCheck.layer("Cropping2D", "{\"cropping\": 1}", map).outputShape())
        .containsExactly(3, 4, 3);
    assertThat(LayerGradientCheck.layer("Cropping2D", "{\"cropping\": [[0, 2], [1, 1]]}", map)
        .outputShape()).containsExactly(3, 4, 3);
    assertThatThrownBy(() -> LayerGradientCheck.layer("Cropping2D", "{\"cropping\": [3, 0]}", map))
        .hasMessageContaining("leaves nothing");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Cropping2D", "{\"cropping\": [1, -1]}",
        map)).hasMessageContaining("must not be negative");
  }

  @Test
  @Tag("native")
  void keepsTheInnerBlockAndBackwardPadsIt() {
    Layer layer = LayerGradientCheck.layer("Cropping2D", "{\"cropping\": [[1, 0], [0, 1]]}",
        new int[] {3, 3, 1});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      // 1..9 as 3x3 without the top row and the right column: 4, 5, 7, 8.
      double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
      assertThat(layer.forward(s, List.of(s.fromDoubles(x, 1, 3, 3, 1)), List.of()).toDoubles())
          .containsExactly(4, 5, 7, 8);
      Layer uneven = LayerGradientCheck.layer("Cropping2D", "{\"cropping\": [[1, 2], [2, 0]]}",
          new int[] {5, 4, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, uneven, List.of(), 71,
          new int[] {2, 5, 4, 2});
    }
  }
}
