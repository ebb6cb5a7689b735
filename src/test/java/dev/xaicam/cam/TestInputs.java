package dev.xaicam.cam;

import java.util.List;

/** Builds {@link CamInputs} carrying every kind of input, derived from one layer signal. */
final class TestInputs {

  /** Network input rows of the fakes, unlike the layer and the heatmap. */
  static final int INPUT_HEIGHT = 8;
  /** Network input columns of the fakes. */
  static final int INPUT_WIDTH = 6;
  /** Network input channels of the fakes. */
  static final int INPUT_CHANNELS = 3;

  /** Not instantiable: static factories only. */
  private TestInputs() {}

  /**
   * Inputs for every need: input gradients repeat the layer gradients (so a constant signal gives
   * constant ones), guided gradients repeat them in another order, the input-gradient function is
   * linear with the input gradients as coefficients, and the scorers are the fakes.
   */
  static CamInputs full(LayerSignal s) {
    double[] g = s.gradients();
    int size = INPUT_HEIGHT * INPUT_WIDTH * INPUT_CHANNELS;
    float[] plain = new float[size];
    float[] guided = new float[size];
    double[] linear = new double[size];
    float[] image = new float[size];
    for (int i = 0; i < size; i++) {
      plain[i] = (float) g[i % g.length];
      guided[i] = (float) g[(7 * i) % g.length];
      linear[i] = plain[i];
      image[i] = i % 5;
    }
    return CamInputs.of(s)
        .withInputGradients(new InputGradients(INPUT_HEIGHT, INPUT_WIDTH, INPUT_CHANNELS, plain))
        .withGuidedInputGradients(
            new InputGradients(INPUT_HEIGHT, INPUT_WIDTH, INPUT_CHANNELS, guided))
        .withInputGradientFunction(
            new FakeInputGradientFunction(
                INPUT_HEIGHT, INPUT_WIDTH, INPUT_CHANNELS, image, linear, new double[size], 4))
        .withMaskScorer(FakeMaskScorer.sized(INPUT_HEIGHT, INPUT_WIDTH, 4))
        .withAblationScorer(FakeAblationScorer.rising(s, 4));
  }

  /** Copies of the inputs, each lacking exactly one thing: one per kind of input. */
  static List<CamInputs> eachWithOneLess(CamInputs full) {
    LayerSignal s = full.layer();
    LayerSignal noGradients =
        new LayerSignal(s.height(), s.width(), s.channels(), s.activations(), null,
            s.targetClass(), s.targetLogit());
    return List.of(
        full.withLayer(noGradients),
        full.withLayer(null),
        full.withInputGradients(null),
        full.withGuidedInputGradients(null),
        full.withInputGradientFunction(null),
        full.withMaskScorer(null),
        full.withAblationScorer(null));
  }
}
