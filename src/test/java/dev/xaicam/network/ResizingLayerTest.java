package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Resizing: target shape, unsupported options, hand-worked bilinear and nearest, backward. */
class ResizingLayerTest {

  @Test
  void shapeAndUnsupportedOptions() {
    assertThat(LayerGradientCheck.layer("Resizing", "{\"height\": 224, \"width\": 160}",
        new int[] {100, 80, 3}).outputShape()).containsExactly(224, 160, 3);
    assertThatThrownBy(() -> LayerGradientCheck.layer("Resizing",
        "{\"height\": 2, \"width\": 2, \"crop_to_aspect_ratio\": true}", new int[] {4, 4, 1}))
        .hasMessageContaining("'crop_to_aspect_ratio' true is not supported");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Resizing",
        "{\"height\": 2, \"width\": 2, \"antialias\": true}", new int[] {4, 4, 1}))
        .hasMessageContaining("'antialias'");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Resizing", "{\"height\": 2}",
        new int[] {4, 4, 1})).hasMessageContaining("'height' and 'width' are required");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Resizing",
        "{\"height\": 2, \"width\": 2, \"interpolation\": \"area\"}", new int[] {4, 4, 1}))
        .hasMessageContaining("interpolation 'area'");
  }

  @Test
  @Tag("native")
  void shrinksAsTensorFlowResizeDoes() {
    // f(h, w) = 3h + w + 1 on 3x3 (values 1..9) to 2x2, scale 1.5: sources
    // (0 + 0.5) * 1.5 - 0.5 = 0.25 and (1 + 0.5) * 1.5 - 0.5 = 1.75 on both axes. f is linear,
    // so bilinear gives f there: 3*0.25+0.25+1 = 2, 0.75+1.75+1 = 3.5, 5.25+0.25+1 = 6.5, 8.
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer bilinear = LayerGradientCheck.layer("Resizing", "{\"height\": 2, \"width\": 2}",
          new int[] {3, 3, 1});
      double[] y = bilinear.forward(s, List.of(s.fromDoubles(x, 1, 3, 3, 1)), List.of())
          .toDoubles();
      double[] expected = {2, 3.5, 6.5, 8};
      for (int i = 0; i < 4; i++) {
        assertThat(y[i]).isCloseTo(expected[i], within(1e-12));
      }
      // Nearest: sources floor(0.75) = 0 and floor(2.25) = 2, the corners.
      Layer nearest = LayerGradientCheck.layer("Resizing",
          "{\"height\": 2, \"width\": 2, \"interpolation\": \"nearest\"}", new int[] {3, 3, 1});
      assertThat(nearest.forward(s, List.of(s.fromDoubles(x, 1, 3, 3, 1)), List.of()).toDoubles())
          .containsExactly(1, 3, 7, 9);
    }
  }

  @Test
  @Tag("native")
  void backwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer up = LayerGradientCheck.layer("Resizing", "{\"height\": 5, \"width\": 3}",
          new int[] {3, 4, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, up, List.of(), 101,
          new int[] {2, 3, 4, 2});
      Layer nearest = LayerGradientCheck.layer("Resizing",
          "{\"height\": 2, \"width\": 7, \"interpolation\": \"nearest\"}", new int[] {3, 4, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, nearest, List.of(), 102,
          new int[] {1, 3, 4, 2});
    }
  }
}
