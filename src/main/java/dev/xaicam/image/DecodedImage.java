package dev.xaicam.image;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A decoded picture: 8-bit BGR samples, row-major, interleaved (B, G, R for pixel (0,0), then (0,1), ...).
 *
 * <p>The pixel array is shared, not copied (a 100 MP image holds 300 MB); callers must not modify it.
 *
 * @param source the file the pixels came from, for messages and output names
 * @param width columns, at least 1
 * @param height rows, at least 1
 * @param bgr length width*height*3
 */
public record DecodedImage(Path source, int width, int height, byte[] bgr) {

  /** Checks that the samples fill the stated size. */
  public DecodedImage {
    Objects.requireNonNull(source, "source");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
    }
    long expected = 3L * width * height;
    if (bgr == null || bgr.length != expected) {
      throw new IllegalArgumentException(
          "bgr length " + (bgr == null ? "null" : bgr.length) + " != width*height*3 = " + expected);
    }
  }

  /** The sample of channel c (0 = blue, 1 = green, 2 = red) at row y, column x, as 0..255. */
  public int sample(int y, int x, int c) {
    return bgr[(y * width + x) * 3 + c] & 0xFF;
  }
}
