package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.GUIDED_INPUT_GRADIENTS;
import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static dev.xaicam.cam.MethodNeed.LAYER_GRADIENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Guided Grad-CAM on a 1 x 2 x 1 layer and a 1 x 3 x 2 input, worked by hand. */
class GuidedGradCamTest {

  /** A = [1, 3], g = [1, 1]: Grad-CAM's weight is 1 and its map [1, 3]. */
  private static final LayerSignal LAYER =
      TestSignals.of(1, 2, new double[][] {{1, 3}}, new double[][] {{1, 1}}, 0);

  /** Guided gradients per pixel: (2, -4), (1, 1), (-3, 0.5); largest magnitudes 4, 1, 3. */
  private static final InputGradients GUIDED =
      new InputGradients(1, 3, 2, new float[] {2, -4, 1, 1, -3, 0.5f});

  @Test
  void gatesTheGuidedSaliencyWithTheGradCamHeatmap() {
    CamInputs inputs = CamInputs.of(LAYER).withGuidedInputGradients(GUIDED);

    // Grad-CAM [1, 3] upsampled to [1, 2, 3], normalised to [0, 0.5, 1] (up to eps 1e-7);
    // times [4, 1, 3]
    assertThat(new GuidedGradCam().rawMap(inputs).values())
        .containsExactly(new double[] {0, 0.5, 3}, within(1e-6));
    assertThat(CamComputation.compute(new GuidedGradCam(), inputs, 1, 3).values())
        .containsExactly(new float[] {0, 1 / 6f, 1}, within(1e-6f));
  }

  @Test
  void describesItself() {
    assertThat(new GuidedGradCam().name()).isEqualTo("guided-gradcam");
    assertThat(new GuidedGradCam().needs())
        .containsExactly(LAYER_ACTIVATIONS, LAYER_GRADIENTS, GUIDED_INPUT_GRADIENTS);
  }
}
