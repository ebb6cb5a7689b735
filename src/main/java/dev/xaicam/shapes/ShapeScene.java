package dev.xaicam.shapes;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One generated picture: a square RGB raster with one coloured shape over clutter, its class,
 * and the shape's ground-truth box.
 *
 * @param size width and height in pixels
 * @param rgb 8-bit samples, row-major, interleaved R, G, B; length size*size*3 (shared, not copied)
 * @param kind the shape drawn, which is the class
 * @param box the tight bounding box of the shape's pixels
 */
public record ShapeScene(int size, byte[] rgb, ShapeKind kind, ShapeBox box) {

  /** Checks the raster length. */
  public ShapeScene {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(box, "box");
    if (size < 1 || rgb == null || rgb.length != size * size * 3) {
      throw new IllegalArgumentException("a " + size + "x" + size + " scene needs " + (size * size * 3)
          + " samples, got " + (rgb == null ? "null" : rgb.length));
    }
  }

  /**
   * The network input the demo model expects, exactly as {@code Preprocessing.UNIT_SCALE} makes it
   * from the stored PNG: RGB order, each sample divided by 255.
   */
  public float[] unitScaleRgb() {
    float[] out = new float[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      out[i] = (rgb[i] & 0xFF) / 255f;
    }
    return out;
  }

  /** The raster as a 24-bit image, for writing with {@code javax.imageio}. */
  public BufferedImage toImage() {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int p = (y * size + x) * 3;
        image.setRGB(x, y, (rgb[p] & 0xFF) << 16 | (rgb[p + 1] & 0xFF) << 8 | (rgb[p + 2] & 0xFF));
      }
    }
    return image;
  }
}
