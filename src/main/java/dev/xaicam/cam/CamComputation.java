package dev.xaicam.cam;

import java.util.Objects;

/**
 * The steps every CAM method shares, as tf-keras-vis applies them: the method's layer map, then
 * ReLU, corner-aligned bilinear upsampling to the network input size, and min-max normalisation.
 */
public final class CamComputation {

  /** Not instantiable: static functions only. */
  private CamComputation() {}

  /**
   * One method's heatmap for one image and one target class.
   *
   * @param method the CAM method
   * @param signal the target layer's activations, and gradients when the method needs them
   * @param scorer forward passes of masked inputs; may be {@code null} for gradient methods
   * @param outHeight heatmap rows, normally the network input height
   * @param outWidth heatmap columns, normally the network input width
   * @return values in [0, 1]; all zeros when the map is constant
   */
  public static Heatmap compute(
      CamMethod method, LayerSignal signal, MaskScorer scorer, int outHeight, int outWidth) {
    Objects.requireNonNull(method, "method");
    if (outHeight <= 0 || outWidth <= 0) {
      throw new IllegalArgumentException(
          "heatmap size must be positive, got " + outHeight + "x" + outWidth);
    }
    requireInputs(method, signal, scorer);
    return heatmapOf(method.layerMap(signal, scorer), outHeight, outWidth);
  }

  /** ReLU, upsampling and normalisation of a layer map; every method's shared tail. */
  static Heatmap heatmapOf(LayerMap map, int outHeight, int outWidth) {
    double[] rectified = new double[map.values().length];
    for (int i = 0; i < rectified.length; i++) {
      rectified[i] = Math.max(map.values()[i], 0);
    }
    double[] upsampled =
        new CornerAlignedZoom(map.height(), map.width(), outHeight, outWidth).apply(rectified);
    float[] normalised =
        MinMaxNormalisation.normalise(upsampled, MinMaxNormalisation.epsilonFor(map.logScale()));
    return new Heatmap(outHeight, outWidth, normalised);
  }

  /** Fails with a message naming what is missing when a method cannot run on these inputs. */
  static void requireInputs(CamMethod method, LayerSignal signal, MaskScorer scorer) {
    Objects.requireNonNull(signal, "signal");
    if (method.needsGradients() && !signal.hasGradients()) {
      throw new IllegalArgumentException(
          method.name() + " needs gradients but the signal carries none");
    }
    if (!method.needsGradients() && scorer == null) {
      throw new IllegalArgumentException(method.name() + " needs a mask scorer, got null");
    }
  }
}
