package dev.xaicam.cam;

import java.util.Set;

/**
 * Grad-CAM: Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via
 * Gradient-based Localization", ICCV 2017, Eq. 1-2.
 *
 * <p>w_c = mean over the layer's pixels of dS/dA_c; map = sum_c w_c A_c.
 */
final class GradCam extends ChannelWeightedCam {

  @Override
  public String name() {
    return "gradcam";
  }

  @Override
  public String description() {
    return "Grad-CAM (Selvaraju et al. 2017): channels weighted by their mean gradient";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(MethodNeed.LAYER_ACTIVATIONS, MethodNeed.LAYER_GRADIENTS);
  }

  @Override
  double[] channelWeights(CamInputs inputs) {
    LayerSignal signal = inputs.layer();
    int channels = signal.channels();
    double[] g = signal.gradients();
    double[] weights = new double[channels];
    for (int i = 0; i < g.length; i++) {
      weights[i % channels] += g[i];
    }
    int pixels = signal.height() * signal.width();
    for (int c = 0; c < channels; c++) {
      weights[c] /= pixels;
    }
    return weights;
  }
}
