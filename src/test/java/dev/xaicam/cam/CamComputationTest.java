package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static dev.xaicam.cam.MethodNeed.LAYER_GRADIENTS;
import static dev.xaicam.cam.MethodNeed.MASKED_INPUT_SCORER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared tail (ReLU, upsampling, normalisation) on fixed layer maps. */
class CamComputationTest {

  /** A method that returns a fixed layer map, to test the shared tail alone. */
  private static CamMethod fixed(RawMap map, MethodNeed first, MethodNeed... rest) {
    return new CamMethod() {
      @Override
      public String name() {
        return "fixed";
      }

      @Override
      public String description() {
        return "a fixed map";
      }

      @Override
      public Set<MethodNeed> needs() {
        return MethodNeed.setOf(first, rest);
      }

      @Override
      public RawMap rawMap(CamInputs inputs) {
        return map;
      }
    };
  }

  /** Any 2 x 2 x 1 signal with gradients; the fixed methods ignore it. */
  private static final LayerSignal SIGNAL =
      TestSignals.of(2, 2, new double[][] {{1, 2, 3, 4}}, new double[][] {{1, 1, 1, 1}}, 0);

  @Test
  void theRawMapIsTheMethodsOwnAndItsTailIsTheHeatmap() {
    RawMap map = new RawMap(2, 2, new double[] {-1, 1, 1, 3});
    CamMethod method = fixed(map, LAYER_GRADIENTS);

    RawMap raw = CamComputation.rawMap(method, CamInputs.of(SIGNAL));

    assertThat(raw).isSameAs(map);
    assertThat(CamComputation.heatmapOf(raw, 3, 3).values())
        .containsExactly(CamComputation.compute(method, CamInputs.of(SIGNAL), 3, 3).values());
    assertThatThrownBy(() -> CamComputation.rawMap(fixed(map, MASKED_INPUT_SCORER), CamInputs.of(SIGNAL)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixed needs");
  }

  @Test
  void appliesReluBeforeUpsamplingThenNormalises() {
    CamMethod method = fixed(new RawMap(2, 2, new double[] {-1, 1, 1, 3}), LAYER_GRADIENTS);

    Heatmap h = CamComputation.compute(method, CamInputs.of(SIGNAL), 3, 3);

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
    CamMethod constant = fixed(new RawMap(1, 1, new double[] {4}), LAYER_GRADIENTS);

    Heatmap h = CamComputation.compute(constant, CamInputs.of(SIGNAL), 5, 5);

    assertThat(h.values()).hasSize(25).containsOnly(0f);
  }

  @Test
  void logScaleShrinksEpsilonInsteadOfMultiplyingTheMap() {
    double[] values = {0, 1e-7};

    Heatmap plain = CamComputation.heatmapOf(new RawMap(1, 2, values, 0), 1, 2);
    Heatmap scaled = CamComputation.heatmapOf(new RawMap(1, 2, values, Math.log(3)), 1, 2);
    Heatmap huge = CamComputation.heatmapOf(new RawMap(1, 2, values, 800), 1, 2);

    assertThat(plain.values()).containsExactly(new float[] {0, 0.5f}, within(1e-6f));
    // 3e-7 / (3e-7 + 1e-7)
    assertThat(scaled.values()).containsExactly(new float[] {0, 0.75f}, within(1e-6f));
    assertThat(huge.values()).containsExactly(0f, 1f);
  }

  @Test
  void checksEveryNeedBeforeRunningTheMethod() {
    LayerSignal noGradients = TestSignals.of(1, 1, new double[][] {{1}}, null, 0);
    RawMap map = new RawMap(1, 1, new double[] {1});
    CamMethod needsGradients = fixed(map, LAYER_ACTIVATIONS, LAYER_GRADIENTS);

    assertThatThrownBy(
            () -> CamComputation.compute(needsGradients, CamInputs.of(noGradients), 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed needs gradients at the target layer, which the caller did not supply");
    assertThatThrownBy(
            () -> CamComputation.compute(
                fixed(map, LAYER_ACTIVATIONS, MASKED_INPUT_SCORER), CamInputs.of(SIGNAL), 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed needs a mask scorer, which the caller did not supply");
    assertThatThrownBy(() -> CamComputation.compute(needsGradients, CamInputs.of(SIGNAL), 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heatmap size must be positive, got 0x2");
    assertThat(CamComputation.compute(needsGradients, CamInputs.of(SIGNAL), 1, 1).values())
        .containsExactly(0f);
  }
}
