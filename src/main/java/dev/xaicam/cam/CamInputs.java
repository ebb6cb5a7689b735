package dev.xaicam.cam;

/**
 * Everything a CAM method may read for one image and one target class; each component is
 * {@code null} unless some method in the run needs it (see {@link MethodNeed}).
 *
 * @param layer the target layer's activations, with gradients when a backward pass ran
 * @param inputGradients dS/dx at the network input
 * @param guidedInputGradients dS/dx through guided-backpropagation ReLUs
 * @param inputGradientFunction dS/dx for inputs the method makes (SmoothGrad)
 * @param maskScorer forward passes of masked inputs (Score-CAM)
 * @param ablationScorer forward passes from the target layer up with channels zeroed
 */
public record CamInputs(
    LayerSignal layer,
    InputGradients inputGradients,
    InputGradients guidedInputGradients,
    InputGradientFunction inputGradientFunction,
    MaskScorer maskScorer,
    AblationScorer ablationScorer) {

  /** Inputs holding only the target layer's signal. */
  public static CamInputs of(LayerSignal layer) {
    return new CamInputs(layer, null, null, null, null, null);
  }

  /** A copy with the given layer signal. */
  public CamInputs withLayer(LayerSignal signal) {
    return new CamInputs(
        signal, inputGradients, guidedInputGradients, inputGradientFunction, maskScorer,
        ablationScorer);
  }

  /** A copy with the given input gradients. */
  public CamInputs withInputGradients(InputGradients gradients) {
    return new CamInputs(
        layer, gradients, guidedInputGradients, inputGradientFunction, maskScorer, ablationScorer);
  }

  /** A copy with the given guided-backpropagation input gradients. */
  public CamInputs withGuidedInputGradients(InputGradients gradients) {
    return new CamInputs(
        layer, inputGradients, gradients, inputGradientFunction, maskScorer, ablationScorer);
  }

  /** A copy with the given input-gradient function. */
  public CamInputs withInputGradientFunction(InputGradientFunction function) {
    return new CamInputs(
        layer, inputGradients, guidedInputGradients, function, maskScorer, ablationScorer);
  }

  /** A copy with the given mask scorer. */
  public CamInputs withMaskScorer(MaskScorer scorer) {
    return new CamInputs(
        layer, inputGradients, guidedInputGradients, inputGradientFunction, scorer, ablationScorer);
  }

  /** A copy with the given ablation scorer. */
  public CamInputs withAblationScorer(AblationScorer scorer) {
    return new CamInputs(
        layer, inputGradients, guidedInputGradients, inputGradientFunction, maskScorer, scorer);
  }
}
