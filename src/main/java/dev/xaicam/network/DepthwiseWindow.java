package dev.xaicam.network;

import java.util.Locale;

/**
 * The sliding window of a depthwise or separable convolution as its Keras config describes it:
 * kernel size, strides, padding and dilation, each (height, width).
 */
final class DepthwiseWindow {
  /** Window size (kh, kw). */
  private final int[] kernel;
  /** Step (sh, sw). */
  private final int[] strides;
  /** TensorFlow's padding name, {@code SAME} or {@code VALID}. */
  private final String padding;
  /** Tap spacing (dh, dw). */
  private final int[] dilations;

  /** Reads {@code kernel_size}, {@code strides}, {@code padding} and {@code dilation_rate}. */
  DepthwiseWindow(LayerConfig config) {
    if (!config.has("kernel_size")) {
      throw config.error("config 'kernel_size' is missing");
    }
    kernel = config.pair("kernel_size", new int[] {1, 1});
    strides = config.pair("strides", new int[] {1, 1});
    dilations = config.pair("dilation_rate", new int[] {1, 1});
    String name = config.string("padding", "valid").toLowerCase(Locale.ROOT);
    if (!name.equals("same") && !name.equals("valid")) {
      throw config.error("config 'padding' must be \"same\" or \"valid\", got \"" + name + "\"");
    }
    padding = name.toUpperCase(Locale.ROOT);
    for (int i = 0; i < 2; i++) {
      if (kernel[i] < 1 || strides[i] < 1 || dilations[i] < 1) {
        throw config.error("kernel_size, strides and dilation_rate must be positive, got "
            + LayerConfig.shapeText(kernel) + ", " + LayerConfig.shapeText(strides) + ", "
            + LayerConfig.shapeText(dilations));
      }
    }
    // TensorFlow's depthwise convolution, which Keras calls, refuses both at once.
    if ((strides[0] > 1 || strides[1] > 1) && (dilations[0] > 1 || dilations[1] > 1)) {
      throw config.error("strides " + LayerConfig.shapeText(strides) + " and dilation_rate "
          + LayerConfig.shapeText(dilations) + " cannot both exceed 1");
    }
  }

  /** Window size (kh, kw). */
  int[] kernel() {
    return kernel.clone();
  }

  /** Step (sh, sw). */
  int[] strides() {
    return strides.clone();
  }

  /** {@code SAME} or {@code VALID}. */
  String padding() {
    return padding;
  }

  /** Tap spacing (dh, dw). */
  int[] dilations() {
    return dilations.clone();
  }

  /** The output (height, width) for an input of {@code (h, w)}, as TensorFlow computes it. */
  int[] outputSize(LayerConfig config, int h, int w) {
    int[] in = {h, w};
    int[] out = new int[2];
    for (int i = 0; i < 2; i++) {
      long span = (long) (kernel[i] - 1) * dilations[i] + 1;
      long covered = padding.equals("SAME") ? in[i] : in[i] - span + 1;
      if (covered < 1) {
        throw config.error("a window spanning " + span + " does not fit an input of " + in[i]
            + " with valid padding");
      }
      out[i] = (int) ((covered + strides[i] - 1) / strides[i]);
    }
    return out;
  }
}
