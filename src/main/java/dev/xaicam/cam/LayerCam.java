package dev.xaicam.cam;

import java.util.Set;

/**
 * LayerCAM: Jiang et al., "LayerCAM: Exploring Hierarchical Class Activation Maps for
 * Localization", IEEE TIP 2021, Eq. 5-6.
 *
 * <p>Each element gets its own weight ReLU(dS/dA): map = sum_c A_c * ReLU(g_c), elementwise.
 */
final class LayerCam implements CamMethod {

  @Override
  public String name() {
    return "layercam";
  }

  @Override
  public String description() {
    return "LayerCAM (Jiang et al. 2021): activations times their positive gradients";
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
      map[i / channels] += a[i] * Math.max((double) g[i], 0);
    }
    return new RawMap(signal.height(), signal.width(), map);
  }
}
