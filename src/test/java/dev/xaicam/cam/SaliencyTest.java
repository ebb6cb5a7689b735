package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.INPUT_GRADIENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Vanilla saliency on hand-worked input gradients. */
class SaliencyTest {

  /** A 1 x 2 x 3 gradient: pixel 0 (1, -3, 2), pixel 1 (0.5, -0.5, 0). */
  private static final InputGradients GRADIENTS =
      new InputGradients(1, 2, 3, new float[] {1, -3, 2, 0.5f, -0.5f, 0});

  @Test
  void mapIsTheLargestMagnitudeOverColours() {
    RawMap map = new Saliency().rawMap(CamInputs.of(null).withInputGradients(GRADIENTS));

    assertThat(map.height()).isEqualTo(1);
    assertThat(map.width()).isEqualTo(2);
    assertThat(map.values()).containsExactly(3, 0.5);
  }

  @Test
  void heatmapIsResizedAndNormalised() {
    Heatmap h =
        CamComputation.compute(
            new Saliency(), CamInputs.of(null).withInputGradients(GRADIENTS), 1, 3);

    // [3, 1.75, 0.5] -> (x - 0.5) / (2.5 + 1e-7)
    assertThat(h.values()).containsExactly(new float[] {1, 0.5f, 0}, within(1e-6f));
  }

  @Test
  void describesItself() {
    assertThat(new Saliency().name()).isEqualTo("saliency");
    assertThat(new Saliency().needs()).containsExactly(INPUT_GRADIENTS);
  }
}
