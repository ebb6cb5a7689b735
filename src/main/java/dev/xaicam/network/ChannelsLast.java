package dev.xaicam.network;

import java.util.List;

/** The one image layout xai-cam runs: Keras's {@code channels_last} (NHWC). */
final class ChannelsLast {

  /** Static checks only. */
  private ChannelsLast() {}

  /** Fails unless the config's {@code data_format} is absent or {@code channels_last}. */
  static void require(LayerConfig config) {
    String format = config.string("data_format", "channels_last");
    if (!format.equals("channels_last")) {
      throw config.error("data_format '" + format + "' is not supported; only channels_last");
    }
  }

  /** Fails unless there is exactly one input and it is an (H, W, C) map; returns its shape. */
  static int[] singleMap(LayerConfig config, List<int[]> inputShapes) {
    if (inputShapes.size() != 1) {
      throw config.error("needs exactly one input, got " + inputShapes.size());
    }
    int[] shape = inputShapes.get(0);
    if (shape.length != 3) {
      throw config.error("needs an (H, W, C) map input, got " + LayerConfig.shapeText(shape));
    }
    return shape.clone();
  }
}
