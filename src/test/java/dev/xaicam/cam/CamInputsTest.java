package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each copy method replaces exactly its own component. */
class CamInputsTest {

  @Test
  void eachCopyChangesOnlyItsComponent() {
    LayerSignal s = TestSignals.random(1, 2, 2, 3, 0);
    CamInputs full = TestInputs.full(s);

    assertThat(CamInputs.of(s))
        .isEqualTo(new CamInputs(s, null, null, null, null, null));
    assertThat(full.withLayer(null))
        .isEqualTo(new CamInputs(null, full.inputGradients(), full.guidedInputGradients(),
            full.inputGradientFunction(), full.maskScorer(), full.ablationScorer()));
    assertThat(full.withInputGradients(null))
        .isEqualTo(new CamInputs(s, null, full.guidedInputGradients(),
            full.inputGradientFunction(), full.maskScorer(), full.ablationScorer()));
    assertThat(full.withGuidedInputGradients(null))
        .isEqualTo(new CamInputs(s, full.inputGradients(), null,
            full.inputGradientFunction(), full.maskScorer(), full.ablationScorer()));
    assertThat(full.withInputGradientFunction(null))
        .isEqualTo(new CamInputs(s, full.inputGradients(), full.guidedInputGradients(),
            null, full.maskScorer(), full.ablationScorer()));
    assertThat(full.withMaskScorer(null))
        .isEqualTo(new CamInputs(s, full.inputGradients(), full.guidedInputGradients(),
            full.inputGradientFunction(), null, full.ablationScorer()));
    assertThat(full.withAblationScorer(null))
        .isEqualTo(new CamInputs(s, full.inputGradients(), full.guidedInputGradients(),
            full.inputGradientFunction(), full.maskScorer(), null));
  }
}
