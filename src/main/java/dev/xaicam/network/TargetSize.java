package dev.xaicam.network;

/** The {@code height} and {@code width} keys of Resizing and RandomCrop. */
final class TargetSize {

  /** Static parsing only. */
  private TargetSize() {}

  /** The required, positive {@code (height, width)}. */
  static int[] fromConfig(LayerConfig config) {
    if (!config.has("height") || !config.has("width")) {
      throw config.error("config 'height' and 'width' are required");
    }
    int[] size = {config.integer("height", 0), config.integer("width", 0)};
    if (size[0] < 1 || size[1] < 1) {
      throw config.error("config 'height' and 'width' must be positive, got "
          + LayerConfig.shapeText(size));
    }
    return size;
  }
}
