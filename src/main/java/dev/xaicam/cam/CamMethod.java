package dev.xaicam.cam;

/**
 * One class-activation-map method: it supplies only its map at the target layer's resolution;
 * {@link CamComputation} applies the steps every method shares (ReLU, upsampling, normalisation).
 *
 * <p>To add a method: write one small package-private class implementing this interface (or
 * extending {@link ChannelWeightedCam} when the map is a weighted sum of channels) and register it
 * with one line in {@link CamMethods}.
 */
public interface CamMethod {

  /** The method's canonical command-line name, e.g. {@code gradcam}. */
  String name();

  /** Whether {@link #layerMap} reads {@link LayerSignal#gradients()}; if not, it needs a scorer. */
  boolean needsGradients();

  /**
   * The method's map at the layer's resolution, before ReLU.
   *
   * @param signal activations (and gradients when {@link #needsGradients()}) for one image
   * @param scorer forward passes of masked inputs; {@code null} for gradient methods
   */
  LayerMap layerMap(LayerSignal signal, MaskScorer scorer);
}
