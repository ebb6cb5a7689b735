package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static dev.xaicam.cam.MethodNeed.LAYER_GRADIENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** HiResCAM on the hand-worked signal of {@link LayerCamTest}, where the two differ. */
class HiResCamTest {

  /** A0 = [1, 2, 3, 4], g0 = [1, -1, 2, 0]; A1 = [1, 1, 1, 1], g1 = [-1, 1, 1, 1]. */
  private static final LayerSignal SIGNAL =
      TestSignals.of(
          2,
          2,
          new double[][] {{1, 2, 3, 4}, {1, 1, 1, 1}},
          new double[][] {{1, -1, 2, 0}, {-1, 1, 1, 1}},
          0);

  @Test
  void sumsActivationsTimesSignedGradients() {
    // A0 g0 = [1, -2, 6, 0]; A1 g1 = [-1, 1, 1, 1]; LayerCAM's ReLU on g would give [1, 1, 7, 1]
    RawMap map = new HiResCam().rawMap(CamInputs.of(SIGNAL));

    assertThat(map.values()).containsExactly(0, -1, 7, 1);
    assertThat(new LayerCam().rawMap(CamInputs.of(SIGNAL)).values()).containsExactly(1, 1, 7, 1);
  }

  @Test
  void heatmapCutsTheNegativePart() {
    Heatmap h = CamComputation.compute(new HiResCam(), CamInputs.of(SIGNAL), 2, 2);

    // ReLU [0, 0, 7, 1] / (7 + 1e-7)
    assertThat(h.values()).containsExactly(new float[] {0, 0, 1, 1 / 7f}, within(1e-6f));
  }

  @Test
  void describesItself() {
    assertThat(new HiResCam().name()).isEqualTo("hirescam");
    assertThat(new HiResCam().needs()).containsExactly(LAYER_ACTIVATIONS, LAYER_GRADIENTS);
  }
}
