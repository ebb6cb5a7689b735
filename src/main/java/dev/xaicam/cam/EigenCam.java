package dev.xaicam.cam;

import java.util.Set;

/**
 * Eigen-CAM: Muhammad and Yeasin, "Eigen-CAM: Class Activation Map using Principal Components",
 * IJCNN 2020, Eq. 4-5, as pytorch-grad-cam computes it ({@link FirstPrincipalComponent}).
 *
 * <p>map = the projection of every pixel's activations A on their first principal component. It
 * reads no gradients and no score, so the map is the same whatever the target class.
 */
final class EigenCam implements CamMethod {

  @Override
  public String name() {
    return "eigencam";
  }

  @Override
  public String description() {
    return "Eigen-CAM (Muhammad & Yeasin 2020): first principal component of the activations;"
        + " no gradients, and the same map for every target class";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(MethodNeed.LAYER_ACTIVATIONS);
  }

  @Override
  public RawMap rawMap(CamInputs inputs) {
    LayerSignal signal = inputs.layer();
    double[] a = signal.activations();
    double[] values = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      values[i] = a[i];
    }
    int pixels = signal.height() * signal.width();
    return new RawMap(
        signal.height(),
        signal.width(),
        FirstPrincipalComponent.projection(values, pixels, signal.channels()));
  }
}
