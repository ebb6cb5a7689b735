package dev.xaicam.cam;

import java.util.Set;

/**
 * Eigen-Grad-CAM, as pytorch-grad-cam's {@code EigenGradCAM} (Eigen-CAM, Muhammad and Yeasin
 * 2020, applied to activations times gradients).
 *
 * <p>map = the projection of every pixel's A * dS/dA (element-wise) on its first principal
 * component ({@link FirstPrincipalComponent}, with its sign rule).
 */
final class EigenGradCam implements CamMethod {

  @Override
  public String name() {
    return "eigengradcam";
  }

  @Override
  public String description() {
    return "Eigen-Grad-CAM (pytorch-grad-cam): first principal component of activations times"
        + " gradients";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(MethodNeed.LAYER_ACTIVATIONS, MethodNeed.LAYER_GRADIENTS);
  }

  @Override
  public RawMap rawMap(CamInputs inputs) {
    LayerSignal signal = inputs.layer();
    double[] a = signal.activations();
    double[] g = signal.gradients();
    double[] values = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      values[i] = (double) a[i] * g[i];
    }
    int pixels = signal.height() * signal.width();
    return new RawMap(
        signal.height(),
        signal.width(),
        FirstPrincipalComponent.projection(values, pixels, signal.channels()));
  }
}
