package dev.xaicam.cam;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a CAM method reads for one image and one target class; a method declares its set once
 * ({@link CamMethod#needs()}) and the runner supplies exactly those in {@link CamInputs}.
 */
public enum MethodNeed {

  /** A at the target layer ({@link CamInputs#layer()}). */
  LAYER_ACTIVATIONS("the target layer's activations", inputs -> inputs.layer() != null),
  /** dS/dA at the target layer, from one backward pass ({@link LayerSignal#gradients()}). */
  LAYER_GRADIENTS(
      "gradients at the target layer",
      inputs -> inputs.layer() != null && inputs.layer().hasGradients()),
  /** dS/dx at the network input ({@link CamInputs#inputGradients()}). */
  INPUT_GRADIENTS("gradients at the network input", inputs -> inputs.inputGradients() != null),
  /** dS/dx through guided-backpropagation ReLUs ({@link CamInputs#guidedInputGradients()}). */
  GUIDED_INPUT_GRADIENTS(
      "guided-backpropagation gradients at the network input",
      inputs -> inputs.guidedInputGradients() != null),
  /** dS/dx for inputs the method makes, e.g. noisy copies ({@link InputGradientFunction}). */
  INPUT_GRADIENT_FUNCTION(
      "an input-gradient function for perturbed inputs",
      inputs -> inputs.inputGradientFunction() != null),
  /** Forward passes of masked inputs ({@link MaskScorer}). */
  MASKED_INPUT_SCORER("a mask scorer", inputs -> inputs.maskScorer() != null),
  /** Forward passes from the target layer up with channels zeroed ({@link AblationScorer}). */
  ABLATED_LAYER_SCORER("an ablation scorer", inputs -> inputs.ablationScorer() != null);

  /** How error messages name the need. */
  private final String description;
  /** Whether a set of inputs carries what this need asks for. */
  private final Predicate<CamInputs> metBy;

  /** A need with its description and the test of whether inputs meet it. */
  MethodNeed(String description, Predicate<CamInputs> metBy) {
    this.description = description;
    this.metBy = metBy;
  }

  /** What the need is, in words, e.g. "gradients at the target layer". */
  public String description() {
    return description;
  }

  /** Whether the inputs carry what this need asks for. */
  public boolean isMetBy(CamInputs inputs) {
    return metBy.test(inputs);
  }

  /** An unmodifiable set of needs that iterates in declaration order (so messages are stable). */
  static Set<MethodNeed> setOf(MethodNeed first, MethodNeed... rest) {
    return Collections.unmodifiableSet(EnumSet.of(first, rest));
  }
}
