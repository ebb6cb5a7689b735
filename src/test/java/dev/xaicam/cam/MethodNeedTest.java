package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each need against inputs that carry it and inputs that do not. */
class MethodNeedTest {

  /** A signal with gradients. */
  private static final LayerSignal WITH_GRADIENTS =
      TestSignals.of(1, 1, new double[][] {{1}}, new double[][] {{1}}, 0);
  /** The same signal without. */
  private static final LayerSignal WITHOUT_GRADIENTS =
      TestSignals.of(1, 1, new double[][] {{1}}, null, 0);
  /** No inputs at all. */
  private static final CamInputs NOTHING = CamInputs.of(null);

  @Test
  void layerNeedsLookAtTheSignal() {
    assertThat(MethodNeed.LAYER_ACTIVATIONS.isMetBy(CamInputs.of(WITHOUT_GRADIENTS))).isTrue();
    assertThat(MethodNeed.LAYER_ACTIVATIONS.isMetBy(NOTHING)).isFalse();
    assertThat(MethodNeed.LAYER_GRADIENTS.isMetBy(CamInputs.of(WITH_GRADIENTS))).isTrue();
    assertThat(MethodNeed.LAYER_GRADIENTS.isMetBy(CamInputs.of(WITHOUT_GRADIENTS))).isFalse();
    assertThat(MethodNeed.LAYER_GRADIENTS.isMetBy(NOTHING)).isFalse();
  }

  @Test
  void otherNeedsLookAtTheirOwnInput() {
    CamInputs full = TestInputs.full(WITH_GRADIENTS);

    for (MethodNeed need : MethodNeed.values()) {
      assertThat(need.isMetBy(full)).as(need.name()).isTrue();
      assertThat(need.isMetBy(NOTHING)).as(need.name()).isFalse();
    }
    assertThat(MethodNeed.INPUT_GRADIENTS.isMetBy(full.withInputGradients(null))).isFalse();
    assertThat(MethodNeed.GUIDED_INPUT_GRADIENTS.isMetBy(full.withGuidedInputGradients(null)))
        .isFalse();
    assertThat(MethodNeed.INPUT_GRADIENT_FUNCTION.isMetBy(full.withInputGradientFunction(null)))
        .isFalse();
    assertThat(MethodNeed.MASKED_INPUT_SCORER.isMetBy(full.withMaskScorer(null))).isFalse();
    assertThat(MethodNeed.ABLATED_LAYER_SCORER.isMetBy(full.withAblationScorer(null))).isFalse();
  }

  @Test
  void setsIterateInDeclarationOrderAndCannotChange() {
    var needs = MethodNeed.setOf(MethodNeed.MASKED_INPUT_SCORER, MethodNeed.LAYER_ACTIVATIONS);

    assertThat(needs).containsExactly(MethodNeed.LAYER_ACTIVATIONS, MethodNeed.MASKED_INPUT_SCORER);
    assertThatThrownBy(() -> needs.add(MethodNeed.LAYER_GRADIENTS))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(MethodNeed.LAYER_GRADIENTS.description()).isEqualTo("gradients at the target layer");
  }
}
