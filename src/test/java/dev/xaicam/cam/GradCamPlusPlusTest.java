package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static dev.xaicam.cam.MethodNeed.LAYER_GRADIENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Grad-CAM++ on hand-worked signals, huge logits and zero gradients. */
class GradCamPlusPlusTest {

  /**
   * 1 x 2 x 2. Channel 0: A = [1, 3], g = [1, 2]; global sum 4, alpha = [1/6, 4/40], normalised
   * [0.625, 0.375], w0 = 0.625 * 1 + 0.375 * 2 = 1.375. Channel 1: A = [3, 0], g = [-1, 0];
   * alpha = [1/(2 - 3), 0/(0 + 1)] = [-1, 0], normalised [1, 0], w1 = 1 * ReLU(-1) = 0.
   */
  private static LayerSignal handWorked(double logit) {
    return TestSignals.of(
        1, 2, new double[][] {{1, 3}, {3, 0}}, new double[][] {{1, 2}, {-1, 0}}, logit);
  }

  @Test
  void weightsFollowEquation19() {
    assertThat(new GradCamPlusPlus().channelWeights(CamInputs.of(handWorked(0))))
        .containsExactly(new double[] {1.375, 0}, within(1e-12));
  }

  @Test
  void mapIsWeightedSumAndCarriesTheLogitAsLogScale() {
    RawMap map = new GradCamPlusPlus().rawMap(CamInputs.of(handWorked(7.5)));

    assertThat(map.values()).containsExactly(new double[] {1.375, 4.125}, within(1e-12));
    assertThat(map.logScale()).isEqualTo(7.5);
  }

  @Test
  void hugeLogitGivesTheExactMapWithoutOverflow() {
    // exp(1000) * map normalised: eps becomes negligible, so exactly (x - min) / range.
    Heatmap big =
        CamComputation.compute(new GradCamPlusPlus(), CamInputs.of(handWorked(1000)), 1, 3);
    Heatmap unit = CamComputation.compute(new GradCamPlusPlus(), CamInputs.of(handWorked(0)), 1, 3);
    Heatmap tiny =
        CamComputation.compute(new GradCamPlusPlus(), CamInputs.of(handWorked(-1000)), 1, 3);

    // upsampled [1.375, 2.75, 4.125]
    assertThat(big.values()).containsExactly(0f, 0.5f, 1f);
    assertThat(unit.values())
        .containsExactly(0f, (float) (1.375 / (2.75 + 1e-7)), (float) (2.75 / (2.75 + 1e-7)));
    assertThat(big.values()).containsExactly(unit.values(), within(1e-6f));
    // exp(-1000) * map is far below eps: the true normalised map is zero everywhere.
    assertThat(tiny.values()).containsOnly(0f);
  }

  @Test
  void matchesTheLiteralFormulaWithTheExponentialFactor() {
    LayerSignal s = TestSignals.random(7, 3, 4, 5, 3.0);

    Heatmap ours = CamComputation.compute(new GradCamPlusPlus(), CamInputs.of(s), 6, 8);
    Heatmap literal = CamComputation.heatmapOf(literalGradCamPlusPlus(s), 6, 8);

    assertThat(ours.values()).containsExactly(literal.values(), within(1e-6f));
  }

  @Test
  void allZeroGradientsGiveZerosNotNaN() {
    LayerSignal s =
        TestSignals.of(
            1, 2, new double[][] {{1, 3}, {3, 0}}, new double[][] {{0, 0}, {0, 0}}, 1000);

    assertThat(new GradCamPlusPlus().channelWeights(CamInputs.of(s))).containsExactly(0, 0);
    assertThat(CamComputation.compute(new GradCamPlusPlus(), CamInputs.of(s), 3, 3).values())
        .containsOnly(0f);
  }

  @Test
  void describesItself() {
    assertThat(new GradCamPlusPlus().name()).isEqualTo("gradcam++");
    assertThat(new GradCamPlusPlus().needs()).containsExactly(LAYER_ACTIVATIONS, LAYER_GRADIENTS);
  }

  /** tf-keras-vis's computation written out with exp(S) kept in every derivative. */
  private static RawMap literalGradCamPlusPlus(LayerSignal s) {
    int h = s.height();
    int w = s.width();
    int channels = s.channels();
    double e = Math.exp(s.targetLogit());
    double[] map = new double[h * w];
    for (int c = 0; c < channels; c++) {
      double global = 0;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          global += s.activation(y, x, c);
        }
      }
      double[] alpha = new double[h * w];
      double alphaSum = 0;
      for (int p = 0; p < h * w; p++) {
        double g = s.gradient(p / w, p % w, c);
        double first = e * g;
        double second = first * g;
        double third = second * g;
        alpha[p] = second / (2 * second + third * global + (second == 0 ? 1 : 0));
        alphaSum += alpha[p];
      }
      double weight = 0;
      for (int p = 0; p < h * w; p++) {
        double first = e * s.gradient(p / w, p % w, c);
        weight += alpha[p] / (alphaSum == 0 ? 1 : alphaSum) * Math.max(first, 0);
      }
      for (int p = 0; p < h * w; p++) {
        map[p] += weight * s.activation(p / w, p % w, c);
      }
    }
    return new RawMap(h, w, map);
  }
}
