package dev.xaicam.cam;

import java.util.Set;

/**
 * Guided Grad-CAM: Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via
 * Gradient-based Localization", ICCV 2017, Sec. 3.
 *
 * <p>map = G * L at the network input's resolution, where G is guided backpropagation's dS/dx
 * (Springenberg et al. 2015) reduced to one value per pixel as saliency does (max over colour
 * channels of |.|, since a heatmap has one channel where the paper shows an RGB picture), and L
 * is the Grad-CAM heatmap (ReLU, corner-aligned upsampling to the input size, min-max
 * normalisation) as pytorch-grad-cam multiplies it.
 */
final class GuidedGradCam implements CamMethod {

  /** The Grad-CAM whose heatmap gates the guided gradients. */
  private final GradCam gradCam = new GradCam();

  @Override
  public String name() {
    return "guided-gradcam";
  }

  @Override
  public String description() {
    return "Guided Grad-CAM (Selvaraju et al. 2017): guided-backpropagation saliency times the"
        + " Grad-CAM map";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(
        MethodNeed.LAYER_ACTIVATIONS,
        MethodNeed.LAYER_GRADIENTS,
        MethodNeed.GUIDED_INPUT_GRADIENTS);
  }

  @Override
  public RawMap rawMap(CamInputs inputs) {
    InputGradients guided = inputs.guidedInputGradients();
    Heatmap gate =
        CamComputation.heatmapOf(gradCam.rawMap(inputs), guided.height(), guided.width());
    double[] map = guided.maxAbsOverChannels();
    for (int p = 0; p < map.length; p++) {
      map[p] *= gate.values()[p];
    }
    return new RawMap(guided.height(), guided.width(), map);
  }
}
