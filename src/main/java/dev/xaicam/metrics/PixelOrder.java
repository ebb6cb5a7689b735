package dev.xaicam.metrics;

import dev.xaicam.cam.Heatmap;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Pixels ranked by saliency, most salient first; equal values keep row-major order (a fixed rule
 * where RISE's {@code argsort} and ROAD's random jitter leave ties to chance).
 */
final class PixelOrder {

  /** Not instantiable: static functions only. */
  private PixelOrder() {}

  /** Row-major pixel indices of the map, largest value first, ties by lower index. */
  static int[] mostSalientFirst(Heatmap map) {
    float[] v = map.values();
    return IntStream.range(0, v.length)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer p) -> v[p]).reversed())
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Fails unless the map has one value per pixel of the image. */
  static void requireSameSize(Heatmap map, InputImage image) {
    if (map.height() != image.height() || map.width() != image.width()) {
      throw new IllegalArgumentException(
          "heatmap is " + map.height() + "x" + map.width() + " but the image is "
              + image.height() + "x" + image.width());
    }
  }
}
