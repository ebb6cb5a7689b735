package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static dev.xaicam.cam.MethodNeed.LAYER_GRADIENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Element-wise Grad-CAM on a hand-worked signal with one negative activation. */
class GradCamElementwiseTest {

  /** A0 = [-1, 2, 3, 4], g0 = [-1, -1, 2, 0]; A1 = [1, 1, 1, 1], g1 = [-1, 1, 1, 1]. */
  private static final LayerSignal SIGNAL =
      TestSignals.of(
          2,
          2,
          new double[][] {{-1, 2, 3, 4}, {1, 1, 1, 1}},
          new double[][] {{-1, -1, 2, 0}, {-1, 1, 1, 1}},
          0);

  @Test
  void sumsThePositivePartsOfActivationsTimesGradients() {
    // A0 g0 = [1, -2, 6, 0] -> [1, 0, 6, 0]; A1 g1 = [-1, 1, 1, 1] -> [0, 1, 1, 1]
    assertThat(new GradCamElementwise().rawMap(CamInputs.of(SIGNAL)).values())
        .containsExactly(1, 1, 7, 1);
    // where the others differ: HiResCAM sums signed products, LayerCAM cuts only g
    assertThat(new HiResCam().rawMap(CamInputs.of(SIGNAL)).values()).containsExactly(0, -1, 7, 1);
    assertThat(new LayerCam().rawMap(CamInputs.of(SIGNAL)).values()).containsExactly(0, 1, 7, 1);
  }

  @Test
  void heatmapIsNormalised() {
    Heatmap h = CamComputation.compute(new GradCamElementwise(), CamInputs.of(SIGNAL), 2, 2);

    // (x - 1) / (6 + 1e-7)
    assertThat(h.values()).containsExactly(new float[] {0, 0, 1, 0}, within(1e-6f));
  }

  @Test
  void describesItself() {
    assertThat(new GradCamElementwise().name()).isEqualTo("gradcam-elementwise");
    assertThat(new GradCamElementwise().needs())
        .containsExactly(LAYER_ACTIVATIONS, LAYER_GRADIENTS);
  }
}
