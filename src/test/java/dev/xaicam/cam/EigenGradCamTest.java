package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static dev.xaicam.cam.MethodNeed.LAYER_GRADIENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Eigen-Grad-CAM on a hand-worked 2 x 2 x 2 signal whose A * g is rank one after centring. */
class EigenGradCamTest {

  /** sqrt(5), the norm of (1, 2). */
  private static final double ROOT5 = Math.sqrt(5);

  /** A = 2 everywhere; g = half of the pixels (1,2), (2,4), (3,6), (6,12), so A * g is those. */
  private static final LayerSignal SIGNAL =
      TestSignals.of(
          2,
          2,
          new double[][] {{2, 2, 2, 2}, {2, 2, 2, 2}},
          new double[][] {{0.5, 1, 1.5, 3}, {1, 2, 3, 6}},
          1);

  @Test
  void mapIsTheFirstPrincipalComponentOfActivationsTimesGradients() {
    // A * g centred: (-2,-4), (-1,-2), (0,0), (3,6), projected on (1,2)/sqrt(5)
    assertThat(new EigenGradCam().rawMap(CamInputs.of(SIGNAL)).values())
        .containsExactly(new double[] {-2 * ROOT5, -ROOT5, 0, 3 * ROOT5}, within(1e-12));
    // Eigen-CAM of the constant A has nothing to show
    assertThat(new EigenCam().rawMap(CamInputs.of(SIGNAL)).values()).containsOnly(0);
  }

  @Test
  void describesItself() {
    assertThat(new EigenGradCam().name()).isEqualTo("eigengradcam");
    assertThat(new EigenGradCam().needs()).containsExactly(LAYER_ACTIVATIONS, LAYER_GRADIENTS);
  }
}
