package dev.xaicam.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.cam.Heatmap;
import org.junit.jupiter.api.Test;

/** Saliency ranking and its tie rule. */
class PixelOrderTest {

  @Test
  void ranksMostSalientFirstAndBreaksTiesByIndex() {
    Heatmap map = new Heatmap(2, 2, new float[] {0.5f, 0.9f, 0.5f, 0.1f});

    assertThat(PixelOrder.mostSalientFirst(map)).containsExactly(1, 0, 2, 3);
  }

  @Test
  void requiresAMapOfTheImagesSize() {
    InputImage image = new InputImage(2, 3, 1, new float[6]);

    PixelOrder.requireSameSize(new Heatmap(2, 3, new float[6]), image);
    assertThatThrownBy(
            () -> PixelOrder.requireSameSize(new Heatmap(3, 2, new float[6]), image))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heatmap is 3x2 but the image is 2x3");
  }
}
