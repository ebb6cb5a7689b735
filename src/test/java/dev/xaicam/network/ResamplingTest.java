package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Resampling: TensorFlow's resize weights, crops, channels kept apart, and the transpose. */
class ResamplingTest {

  @Test
  void interpolationChoice() {
    assertThat(Resampling.nearestFromConfig(ConfigFixtures.config("UpSampling2D", "{}"),
        "nearest")).isTrue();
    assertThat(Resampling.nearestFromConfig(ConfigFixtures.config("Resizing", "{}"), "bilinear"))
        .isFalse();
    assertThatThrownBy(() -> Resampling.nearestFromConfig(ConfigFixtures.config("Resizing",
        "{\"interpolation\": \"lanczos3\"}"), "bilinear")).hasMessageContaining("lanczos3");
  }

  @Test
  @Tag("native")
  void cropsAndResizesEachChannelApart() {
    // 1x4 map, two channels (c0 = 0, 1, 2, 3; c1 = 10 * c0); crop columns 1..2 and resize
    // 2 -> 4 bilinear: sources -0.25, 0.25, 0.75, 1.25 in the crop give 1, 1.25, 1.75, 2 for c0.
    Resampling r = Resampling.of(new int[] {1, 4}, new int[] {0, 1}, new int[] {1, 2},
        new int[] {1, 4}, false);
    assertThat(r.outputSize()).containsExactly(1, 4);
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      double[] y = r.apply(s, s.fromDoubles(new double[] {0, 0, 1, 10, 2, 20, 3, 30}, 1, 1, 4, 2))
          .toDoubles();
      double[] expected = {1, 10, 1.25, 12.5, 1.75, 17.5, 2, 20};
      for (int i = 0; i < y.length; i++) {
        assertThat(y[i]).isCloseTo(expected[i], within(1e-12));
      }
      // Transpose of unit gradients: each input column collects its weights, 1+0.75+0.25 = 2
      // for both cropped columns and 0 outside the crop.
      double[] dx = r.transpose(s, s.fromDoubles(new double[] {1, 1, 1, 1}, 1, 1, 4, 1))
          .toDoubles();
      double[] expectedDx = {0, 2, 2, 0};
      for (int i = 0; i < dx.length; i++) {
        assertThat(dx[i]).isCloseTo(expectedDx[i], within(1e-12));
      }
    }
  }
}
