package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The shared tail (ReLU, upsampling, normalisation) on fixed layer maps. */
class CamComputationTest {

  /** A method that returns a fixed layer map, to test the shared tail alone. */
  private static CamMethod fixed(LayerMap map, boolean needsGradients) {
    return new CamMethod() {
      @Override
      public String name() {
        return "fixed";
      }

      @Override
      public boolean needsGradients() {
        return needsGradients;
      }

      @Override
      public LayerMap layerMap(LayerSignal signal, MaskScorer scorer) {
        return map;
      }
    };
  }

  /** Any 2 x 2 x 1 signal with gradients; the fixed methods ignore it. */
  private static final LayerSignal SIGNAL =
      TestSignals.of(2, 2, new double[][] {{1, 2, 3, 4}}, new double[][] {{1, 1, 1, 1}}, 0);

  @Test
  void appliesReluBeforeUpsamplingThenNormalises() {
    CamMethod method = fixed(new LayerMap(2, 2, new double[] {-1, 1, 1, 3}), true);

    Heatmap h = CamComputation.compute(method, SIGNAL, null, 3, 3);

    // ReLU [[0,1],[1,3]] -> [[0,.5,1],[.5,1.25,2],[1,2,3]] -> / (3 + 1e-7)
    double d = 3 + 1e-7;
    assertThat(h.height()).isEqualTo(3);
    assertThat(h.width()).isEqualTo(3);
    assertThat(h.values())
        .containsExactly(
            new float[] {
              0, (float) (.5 / d), (float) (1 / d),
              (float) (.5 / d), (float) (1.25 / d), (float) (2 / d),
              (float) (1 / d), (float) (2 / d), (float) (3 / d)
            },
            within(1e-7f));
  }

  @Test
  void constantMapBecomesZeros() {
    CamMethod constant = fixed(new LayerMap(1, 1, new double[] {4}), true);

    Heatmap h = CamComputation.compute(constant, SIGNAL, null, 5, 5);

    assertThat(h.values()).hasSize(25).containsOnly(0f);
  }

  @Test
  void logScaleShrinksEpsilonInsteadOfMultiplyingTheMap() {
    double[] values = {0, 1e-7};

    Heatmap plain = CamComputation.heatmapOf(new LayerMap(1, 2, values, 0), 1, 2);
    Heatmap scaled = CamComputation.heatmapOf(new LayerMap(1, 2, values, Math.log(3)), 1, 2);
    Heatmap huge = CamComputation.heatmapOf(new LayerMap(1, 2, values, 800), 1, 2);

    assertThat(plain.values()).containsExactly(new float[] {0, 0.5f}, within(1e-6f));
    // 3e-7 / (3e-7 + 1e-7)
    assertThat(scaled.values()).containsExactly(new float[] {0, 0.75f}, within(1e-6f));
    assertThat(huge.values()).containsExactly(0f, 1f);
  }

  @Test
  void checksInputsBeforeRunningTheMethod() {
    LayerSignal noGradients = TestSignals.of(1, 1, new double[][] {{1}}, null, 0);
    LayerMap map = new LayerMap(1, 1, new double[] {1});

    assertThatThrownBy(() -> CamComputation.compute(fixed(map, true), noGradients, null, 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed needs gradients but the signal carries none");
    assertThatThrownBy(() -> CamComputation.compute(fixed(map, false), noGradients, null, 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed needs a mask scorer, got null");
    assertThatThrownBy(() -> CamComputation.compute(fixed(map, true), SIGNAL, null, 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heatmap size must be positive, got 0x2");
  }
}
