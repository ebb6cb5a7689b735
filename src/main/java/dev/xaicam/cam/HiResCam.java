package dev.xaicam.cam;

import java.util.Set;

/**
 * HiResCAM: Draelos and Carin, "Use HiResCAM instead of Grad-CAM for faithful explanations of
 * convolutional neural networks", arXiv:2011.08891 (2020), Eq. 5.
 *
 * <p>map = sum_c A_c * dS/dA_c, element-wise and with signed gradients (no ReLU on the gradient,
 * unlike LayerCAM): for a network whose score is a sum over the layer's positions, this is
 * exactly each position's contribution to S.
 */
final class HiResCam implements CamMethod {

  @Override
  public String name() {
    return "hirescam";
  }

  @Override
  public String description() {
    return "HiResCAM (Draelos & Carin 2020): activations times gradients, summed over channels";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(MethodNeed.LAYER_ACTIVATIONS, MethodNeed.LAYER_GRADIENTS);
  }

  @Override
  public RawMap rawMap(CamInputs inputs) {
    LayerSignal signal = inputs.layer();
    int channels = signal.channels();
    double[] a = signal.activations();
    double[] g = signal.gradients();
    double[] map = new double[signal.height() * signal.width()];
    for (int i = 0; i < a.length; i++) {
      map[i / channels] += (double) a[i] * g[i];
    }
    return new RawMap(signal.height(), signal.width(), map);
  }
}
