package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static dev.xaicam.cam.MethodNeed.LAYER_GRADIENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** XGrad-CAM on hand-worked 2 x 2 x 2 signals. */
class XGradCamTest {

  /**
   * A0 = [1, 2, 3, 4] (sum 10), g0 = [1, 0, -1, 2]; A1 = [1, -1, 0, 0] (sum 0, as a layer without
   * ReLU may give), g1 = 5 everywhere.
   */
  private static final LayerSignal SIGNAL =
      TestSignals.of(
          2,
          2,
          new double[][] {{1, 2, 3, 4}, {1, -1, 0, 0}},
          new double[][] {{1, 0, -1, 2}, {5, 5, 5, 5}},
          3);

  @Test
  void weighsGradientsByEachPixelsShareOfTheChannelSum() {
    // w0 = (1*1 + 2*0 + 3*(-1) + 4*2) / 10 = 6 / 10; w1 = 0 because A1 sums to 0
    assertThat(new XGradCam().channelWeights(CamInputs.of(SIGNAL)))
        .containsExactly(new double[] {0.6, 0}, within(1e-15));
    // 0.6 * A0
    assertThat(new XGradCam().rawMap(CamInputs.of(SIGNAL)).values())
        .containsExactly(new double[] {0.6, 1.2, 1.8, 2.4}, within(1e-15));
  }

  @Test
  void heatmapIsTheNormalisedWeightedSum() {
    Heatmap h = CamComputation.compute(new XGradCam(), CamInputs.of(SIGNAL), 2, 2);

    // (x - 0.6) / (1.8 + 1e-7)
    assertThat(h.values()).containsExactly(new float[] {0, 1 / 3f, 2 / 3f, 1}, within(1e-6f));
  }

  @Test
  void describesItself() {
    assertThat(new XGradCam().name()).isEqualTo("xgradcam");
    assertThat(new XGradCam().needs()).containsExactly(LAYER_ACTIVATIONS, LAYER_GRADIENTS);
  }
}
