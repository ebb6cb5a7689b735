package dev.xaicam.cam;

/**
 * A CAM method whose map is a weighted sum of the layer's channels, map = sum_c w_c A_c; a
 * subclass supplies only the channel weights w_c (and, if any, the map's log scale).
 */
abstract class ChannelWeightedCam implements CamMethod {

  /** The weight w_c of every channel c, length C; the inputs meet {@link #needs()}. */
  abstract double[] channelWeights(CamInputs inputs);

  /** Natural log of a positive factor the true map carries beyond the weighted sum; default 0. */
  double logScale(LayerSignal signal) {
    return 0;
  }

  @Override
  public final RawMap rawMap(CamInputs inputs) {
    LayerSignal signal = inputs.layer();
    double[] weights = channelWeights(inputs);
    return new RawMap(
        signal.height(), signal.width(), weightedSum(signal, weights), logScale(signal));
  }

  /** sum_c w_c A_c at every pixel; channels whose weight is 0 add exactly nothing. */
  static double[] weightedSum(LayerSignal signal, double[] weights) {
    int channels = signal.channels();
    if (weights.length != channels) {
      throw new IllegalArgumentException(
          "expected " + channels + " channel weights, got " + weights.length);
    }
    double[] a = signal.activations();
    double[] map = new double[signal.height() * signal.width()];
    for (int i = 0; i < a.length; i++) {
      map[i / channels] += weights[i % channels] * a[i];
    }
    return map;
  }
}
