package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static dev.xaicam.cam.MethodNeed.LAYER_GRADIENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** LayerCAM on hand-worked signals. */
class LayerCamTest {

  @Test
  void weighsEveryElementByItsPositiveGradient() {
    // A0 * ReLU(g0) = [1, 0, 6, 0]; A1 * ReLU(g1) = [0, 1, 1, 1]
    LayerSignal s =
        TestSignals.of(
            2,
            2,
            new double[][] {{1, 2, 3, 4}, {1, 1, 1, 1}},
            new double[][] {{1, -1, 2, 0}, {-1, 1, 1, 1}},
            0);

    RawMap map = new LayerCam().rawMap(CamInputs.of(s));

    assertThat(map.values()).containsExactly(1, 1, 7, 1);
    assertThat(map.logScale()).isZero();
    assertThat(CamComputation.compute(new LayerCam(), CamInputs.of(s), 2, 2).values())
        .containsExactly(new float[] {0, 0, 1, 0}, within(1e-6f));
  }

  @Test
  void negativeGradientsEverywhereGiveZeros() {
    LayerSignal s =
        TestSignals.of(1, 2, new double[][] {{1, 2}}, new double[][] {{-1, -0.5}}, 0);

    assertThat(new LayerCam().rawMap(CamInputs.of(s)).values()).containsOnly(0);
    assertThat(CamComputation.compute(new LayerCam(), CamInputs.of(s), 3, 3).values())
        .containsOnly(0f);
  }

  @Test
  void describesItself() {
    assertThat(new LayerCam().name()).isEqualTo("layercam");
    assertThat(new LayerCam().needs()).containsExactly(LAYER_ACTIVATIONS, LAYER_GRADIENTS);
  }
}
