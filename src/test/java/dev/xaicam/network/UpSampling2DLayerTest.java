package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** UpSampling2D: shapes, nearest repetition, bilinear half-pixel values, errors and backward. */
class UpSampling2DLayerTest {

  @Test
  void shapeAndInterpolationChoice() {
    assertThat(LayerGradientCheck.layer("UpSampling2D", "{}", new int[] {3, 4, 5}).outputShape())
        .containsExactly(6, 8, 5);
    assertThat(LayerGradientCheck.layer("UpSampling2D", "{\"size\": [3, 1]}", new int[] {3, 4, 5})
        .outputShape()).containsExactly(9, 4, 5);
    assertThatThrownBy(() -> LayerGradientCheck.layer("UpSampling2D",
        "{\"interpolation\": \"bicubic\"}", new int[] {3, 4, 5}))
        .hasMessageContaining("interpolation 'bicubic' is not supported");
    assertThatThrownBy(() -> LayerGradientCheck.layer("UpSampling2D", "{\"size\": 0}",
        new int[] {3, 4, 5})).hasMessageContaining("'size' must be positive");
  }

  @Test
  @Tag("native")
  void nearestRepeatsAndBilinearInterpolatesAtHalfPixels() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer nearest = LayerGradientCheck.layer("UpSampling2D", "{}", new int[] {1, 2, 1});
      assertThat(nearest.forward(s, List.of(s.fromDoubles(new double[] {1, 2}, 1, 1, 2, 1)),
          List.of()).toDoubles()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2);
      // Width 2 -> 4 with half-pixel centres: sources -0.25 (clamped to 0), 0.25, 0.75, 1.25
      // (clamped to 1) give 0, 0.25*4, 0.75*4, 4 = 0, 1, 3, 4 on both output rows.
      Layer bilinear = LayerGradientCheck.layer("UpSampling2D",
          "{\"interpolation\": \"bilinear\"}", new int[] {1, 2, 1});
      double[] y = bilinear.forward(s, List.of(s.fromDoubles(new double[] {0, 4}, 1, 1, 2, 1)),
          List.of()).toDoubles();
      double[] expected = {0, 1, 3, 4, 0, 1, 3, 4};
      for (int i = 0; i < y.length; i++) {
        assertThat(y[i]).isCloseTo(expected[i], within(1e-12));
      }
    }
  }

  @Test
  @Tag("native")
  void backwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      for (String config : List.of("{\"size\": [2, 3]}",
          "{\"size\": [3, 2], \"interpolation\": \"bilinear\"}")) {
        Layer layer = LayerGradientCheck.layer("UpSampling2D", config, new int[] {3, 2, 2});
        LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 91,
            new int[] {2, 3, 2, 2});
      }
    }
  }
}
