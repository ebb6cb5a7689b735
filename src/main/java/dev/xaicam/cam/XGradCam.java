package dev.xaicam.cam;

import java.util.Set;

/**
 * XGrad-CAM: Fu et al., "Axiom-based Grad-CAM: Towards Accurate Visualization and Explanation of
 * CNNs", BMVC 2020, Eq. 11.
 *
 * <p>w_c = sum over pixels of (A_c / sum over pixels of A_c) * dS/dA_c, and 0 where the channel's
 * sum is 0; map = sum_c w_c A_c. pytorch-grad-cam adds 1e-7 to the sum instead; the two differ by
 * a relative 1e-7 / sum, and only the exact ratio keeps the map invariant to scaling A.
 */
final class XGradCam extends ChannelWeightedCam {

  @Override
  public String name() {
    return "xgradcam";
  }

  @Override
  public String description() {
    return "XGrad-CAM (Fu et al. 2020): gradients averaged with the activations as weights";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(MethodNeed.LAYER_ACTIVATIONS, MethodNeed.LAYER_GRADIENTS);
  }

  @Override
  double[] channelWeights(CamInputs inputs) {
    LayerSignal signal = inputs.layer();
    int channels = signal.channels();
    double[] a = signal.activations();
    double[] g = signal.gradients();
    double[] sum = new double[channels];
    double[] weighted = new double[channels];
    for (int i = 0; i < a.length; i++) {
      sum[i % channels] += a[i];
      weighted[i % channels] += (double) a[i] * g[i];
    }
    double[] weights = new double[channels];
    for (int c = 0; c < channels; c++) {
      weights[c] = sum[c] == 0 ? 0 : weighted[c] / sum[c];
    }
    return weights;
  }
}
