package dev.xaicam.shapes;

/**
 * The tight bounding box of a drawn shape in pixel coordinates of the image as stored; the upper
 * bounds are exclusive.
 *
 * @param x0 first column holding shape pixels
 * @param y0 first row holding shape pixels
 * @param x1 one past the last column holding shape pixels
 * @param y1 one past the last row holding shape pixels
 */
public record ShapeBox(int x0, int y0, int x1, int y1) {

  /** Checks that the box is non-empty and not inverted. */
  public ShapeBox {
    if (x0 < 0 || y0 < 0 || x1 <= x0 || y1 <= y0) {
      throw new IllegalArgumentException("box must satisfy 0 <= x0 < x1 and 0 <= y0 < y1, got ("
          + x0 + ", " + y0 + ", " + x1 + ", " + y1 + ")");
    }
  }

  /** Whether pixel (x, y) lies inside the box. */
  public boolean contains(int x, int y) {
    return x >= x0 && x < x1 && y >= y0 && y < y1;
  }

  /** Columns covered. */
  public int width() {
    return x1 - x0;
  }

  /** Rows covered. */
  public int height() {
    return y1 - y0;
  }
}
