package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static dev.xaicam.cam.MethodNeed.LAYER_GRADIENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Grad-CAM on hand-worked 2 x 2 x 2 signals. */
class GradCamTest {

  /** A0 = [[1,2],[3,4]], A1 = [[0,1],[0,1]]; the gradients decide the weights. */
  private static LayerSignal signal(double[] g0, double[] g1) {
    return TestSignals.of(
        2, 2, new double[][] {{1, 2, 3, 4}, {0, 1, 0, 1}}, new double[][] {g0, g1}, 5);
  }

  @Test
  void weightsAreSpatialMeansOfGradients() {
    // means: 1 and (2 + 2 - 2 - 6) / 4 = -1
    LayerSignal s = signal(new double[] {1, 1, 1, 1}, new double[] {2, 2, -2, -6});

    assertThat(new GradCam().channelWeights(CamInputs.of(s))).containsExactly(1, -1);
    // A0 - A1
    RawMap map = new GradCam().rawMap(CamInputs.of(s));
    assertThat(map.values()).containsExactly(1, 1, 3, 3);
    assertThat(map.logScale()).isZero();
    assertThat(map.height()).isEqualTo(2);
    assertThat(map.width()).isEqualTo(2);
  }

  @Test
  void heatmapIsUpsampledAndNormalised() {
    LayerSignal s = signal(new double[] {1, 1, 1, 1}, new double[] {2, 2, -2, -6});

    Heatmap h = CamComputation.compute(new GradCam(), CamInputs.of(s), 3, 3);

    // [[1,1],[3,3]] -> rows 1, 2, 3 -> (x - 1) / (2 + 1e-7)
    assertThat(h.values())
        .containsExactly(new float[] {0, 0, 0, .5f, .5f, .5f, 1, 1, 1}, within(1e-6f));
  }

  @Test
  void negativeEvidenceIsCutByRelu() {
    // weights 1 and -3: A0 - 3 A1 = [1, -1, 3, 1] -> ReLU [1, 0, 3, 1]
    LayerSignal s = signal(new double[] {1, 1, 1, 1}, new double[] {-3, -3, -3, -3});

    Heatmap h = CamComputation.compute(new GradCam(), CamInputs.of(s), 2, 2);

    assertThat(h.values()).containsExactly(new float[] {1 / 3f, 0, 1, 1 / 3f}, within(1e-6f));
  }

  @Test
  void allZeroGradientsGiveZeros() {
    LayerSignal s = signal(new double[4], new double[4]);

    assertThat(new GradCam().rawMap(CamInputs.of(s)).values()).containsOnly(0);
    assertThat(CamComputation.compute(new GradCam(), CamInputs.of(s), 4, 4).values())
        .containsOnly(0f);
  }

  @Test
  void describesItself() {
    assertThat(new GradCam().name()).isEqualTo("gradcam");
    assertThat(new GradCam().needs()).containsExactly(LAYER_ACTIVATIONS, LAYER_GRADIENTS);
  }
}
