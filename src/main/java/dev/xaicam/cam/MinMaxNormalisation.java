package dev.xaicam.cam;

import java.util.Arrays;

/**
 * Min-max normalisation as tf-keras-vis does it: (x - min) / (max - min + eps), so a constant
 * map becomes all zeros rather than NaN.
 */
final class MinMaxNormalisation {

  /** Keras's {@code K.epsilon()}, the constant tf-keras-vis adds to the range. */
  static final double EPSILON = 1e-7;

  /** Not instantiable: static functions only. */
  private MinMaxNormalisation() {}

  /**
   * The epsilon to use on a map whose true values are {@code exp(logScale)} times the given ones:
   * dividing numerator and denominator by that factor leaves eps*exp(-logScale).
   */
  static double epsilonFor(double logScale) {
    return EPSILON * Math.exp(-logScale);
  }

  /** (x - min) / (max - min + eps) for every value, as float32. */
  static float[] normalise(double[] values, double eps) {
    float[] out = new float[values.length];
    normalise(values, eps, out);
    return out;
  }

  /** As {@link #normalise(double[], double)}, into a caller-owned buffer of the same length. */
  static void normalise(double[] values, double eps, float[] out) {
    if (out.length != values.length) {
      throw new IllegalArgumentException(
          "normalisation buffer length " + out.length + " != " + values.length);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double denominator = (max - min) + eps;
    // eps*exp(-logScale) underflows to 0 for huge scales: a constant map would then give 0/0.
    if (!(denominator > 0)) {
      Arrays.fill(out, 0f);
      return;
    }
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) ((values[i] - min) / denominator);
    }
  }
}
