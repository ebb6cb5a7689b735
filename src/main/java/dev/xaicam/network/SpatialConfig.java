package dev.xaicam.network;

import dev.xaicam.engine.Padding;
import dev.xaicam.engine.PoolOptions;
import java.util.List;

/** Config reading shared by the layers that work on H x W x C maps. */
final class SpatialConfig {

  /** Static helpers only. */
  private SpatialConfig() {}

  /** The single input's shape, which must be an H x W x C map. */
  static int[] singleMap(LayerConfig config, List<int[]> inputShapes) {
    int[] shape = single(config, inputShapes);
    if (shape.length != 3) {
      throw config.error("needs an H x W x C input, got " + LayerConfig.shapeText(shape));
    }
    return shape;
  }

  /** The single input's shape. */
  static int[] single(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.size() != 1) {
      throw config.error("needs exactly one input, got " + inputShapes.size());
    }
    return inputShapes.get(0).clone();
  }

  /** Keras's {@code padding}: {@code valid} (the default) or {@code same}. */
  static Padding padding(LayerConfig config) {
    String padding = config.string("padding", "valid");
    return switch (padding.toLowerCase(java.util.Locale.ROOT)) {
      case "valid" -> Padding.VALID;
      case "same" -> Padding.SAME;
      default -> throw config.error("padding '" + padding + "' is not supported (valid, same)");
    };
  }

  /** Fails unless {@code data_format} is absent or {@code channels_last}. */
  static void requireChannelsLast(LayerConfig config) {
    String format = config.string("data_format", "channels_last");
    if (!format.equals("channels_last")) {
      throw config.error("data_format '" + format + "' is not supported; xai-cam runs"
          + " channels_last (H x W x C) models");
    }
  }

  /** A positive pair ({@code kernel_size}, {@code strides}, ...), {@code fallback} when absent. */
  static int[] positivePair(LayerConfig config, String key, int[] fallback) {
    int[] pair = config.pair(key, fallback);
    if (pair[0] < 1 || pair[1] < 1) {
      throw config.error("config '" + key + "' must be positive, got " + pair[0] + ", " + pair[1]);
    }
    return pair;
  }

  /**
   * Keras pooling's window: {@code pool_size} (default 2x2), {@code strides} (default: the pool
   * size), {@code padding}; fails when no window fits the input {@code in}.
   */
  static PoolOptions pool(LayerConfig config, int[] in) {
    requireChannelsLast(config);
    int[] window = positivePair(config, "pool_size", new int[] {2, 2});
    int[] strides = positivePair(config, "strides", window);
    PoolOptions options = new PoolOptions(window[0], window[1], strides[0], strides[1],
        padding(config));
    if (options.outputHeight(in[0]) < 1 || options.outputWidth(in[1]) < 1) {
      throw config.error("a " + window[0] + "x" + window[1] + " window leaves no output of input "
          + LayerConfig.shapeText(in));
    }
    return options;
  }

  /** The per-image output shape of pooling an {@code in} map. */
  static int[] pooled(PoolOptions options, int[] in) {
    return map(options.outputHeight(in[0]), options.outputWidth(in[1]), in[2]);
  }

  /** Per-image shape {@code (h, w, c)}. */
  static int[] map(int h, int w, int c) {
    return new int[] {h, w, c};
  }

  /** The batch shape: {@code batch} followed by the per-image {@code shape}. */
  static int[] batched(int batch, int[] shape) {
    int[] full = new int[shape.length + 1];
    full[0] = batch;
    System.arraycopy(shape, 0, full, 1, shape.length);
    return full;
  }
}
