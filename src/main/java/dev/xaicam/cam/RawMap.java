package dev.xaicam.cam;

/**
 * A CAM method's raw map before ReLU, upsampling and normalisation: at the target layer's
 * resolution, or at the network input's for methods that read input gradients.
 *
 * <p>The true map is {@code exp(logScale) * values}: a method whose map carries a huge positive
 * factor (Grad-CAM++'s {@code exp(S)}) returns it as a logarithm so that nothing overflows, and
 * normalisation accounts for it exactly.
 *
 * @param height rows (the layer's or the input's H)
 * @param width columns (the layer's or the input's W)
 * @param values length height*width, row-major
 * @param logScale natural log of the positive factor the true map carries; 0 for none
 */
public record RawMap(int height, int width, double[] values, double logScale) {

  /** Checks that the values fill the stated size and that the scale is a number. */
  public RawMap {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "raw map size must be positive, got " + height + "x" + width);
    }
    if (values == null || values.length != height * width) {
      throw new IllegalArgumentException(
          "raw map values length " + (values == null ? "null" : values.length) + " != " + height
              + "*" + width);
    }
    if (!Double.isFinite(logScale)) {
      throw new IllegalArgumentException("raw map log scale must be finite, got " + logScale);
    }
  }

  /** A map without an extra factor. */
  public RawMap(int height, int width, double[] values) {
    this(height, width, values, 0);
  }
}
