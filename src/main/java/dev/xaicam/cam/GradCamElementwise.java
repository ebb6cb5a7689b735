package dev.xaicam.cam;

import java.util.Set;

/**
 * Element-wise Grad-CAM, as pytorch-grad-cam's {@code GradCAMElementWise} (a variant of HiResCAM,
 * Draelos and Carin 2020, with the ReLU moved inside the channel sum).
 *
 * <p>map = sum_c ReLU(A_c * dS/dA_c): each element's contribution counts only when positive.
 */
final class GradCamElementwise implements CamMethod {

  @Override
  public String name() {
    return "gradcam-elementwise";
  }

  @Override
  public String description() {
    return "element-wise Grad-CAM (pytorch-grad-cam): positive parts of activations times"
        + " gradients";
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
      map[i / channels] += Math.max((double) a[i] * g[i], 0);
    }
    return new RawMap(signal.height(), signal.width(), map);
  }
}
