package dev.xaicam.cam;

/**
 * A class-activation map: H x W values, row-major; after normalisation every value is in [0, 1].
 *
 * @param height rows
 * @param width columns
 * @param values length height*width, row-major
 */
public record Heatmap(int height, int width, float[] values) {

  /** Checks that the values fill the stated size. */
  public Heatmap {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("heatmap size must be positive, got " + height + "x" + width);
    }
    if (values == null || values.length != height * width) {
      throw new IllegalArgumentException(
          "heatmap values length " + (values == null ? "null" : values.length) + " != " + height
              + "*" + width);
    }
  }

  /** The value at row y, column x. */
  public float at(int y, int x) {
    return values[y * width + x];
  }
}
