package dev.xaicam.cam;

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
  public boolean needsGradients() {
    return true;
  }

  @Override
  public LayerMap layerMap(LayerSignal signal, MaskScorer scorer) {
    CamComputation.requireInputs(this, signal, scorer);
    int channels = signal.channels();
    float[] a = signal.activations();
    float[] g = signal.gradients();
    double[] map = new double[signal.height() * signal.width()];
    for (int i = 0; i < a.length; i++) {
      map[i / channels] += a[i] * Math.max((double) g[i], 0);
    }
    return new LayerMap(signal.height(), signal.width(), map);
  }
}
