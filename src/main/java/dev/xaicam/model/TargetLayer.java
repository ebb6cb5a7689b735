package dev.xaicam.model;

import dev.xaicam.EditDistance;
import dev.xaicam.XaiCamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The layer whose output a CAM explains, chosen as tf-keras-vis chooses its penultimate layer: a
 * convolutional layer named or indexed by the user, or the nearest convolutional layer before the
 * one given, or by default the last convolutional layer.
 *
 * @param info the chosen layer
 * @param requested what the user typed, or {@code null} for the default
 */
public record TargetLayer(LayerInfo info, String requested) {

  /**
   * Resolves {@code spec} (a layer name, or an index as in Keras's {@code model.layers}, where 0 is
   * the input layer and negative indices count from the end) against {@code architecture}.
   */
  public static TargetLayer resolve(Architecture architecture, String spec) {
    List<LayerInfo> layers = architecture.layers();
    if (spec == null || spec.isBlank()) {
      return new TargetLayer(seekConvolution(layers, layers.size() - 1, null), null);
    }
    String text = spec.trim();
    int position;
    if (text.matches("[+-]?\\d+")) {
      int kerasIndex = parseIndex(text, layers.size());
      // Keras counts the input layer as layers[0]; it is never a CAM target, so index 0 seeks from
      // nothing and fails like an index before the first convolution.
      position = kerasIndex - 1;
      if (position < 0) {
        throw XaiCamException.usage(
            "layer index " + text + " is the input layer; give a convolutional layer, e.g. "
                + lastConvolution(layers).name());
      }
    } else {
      position = -1;
      for (int i = 0; i < layers.size(); i++) {
        if (layers.get(i).name().equals(text)) {
          position = i;
        }
      }
      if (position < 0) {
        throw XaiCamException.usage(
            "unknown layer '" + text + "' in " + architecture.name() + closest(layers, text)
                + "; layers: " + String.join(", ", names(layers)));
      }
    }
    return new TargetLayer(seekConvolution(layers, position, text), text);
  }

  /** Index into {@link Architecture#layers()} of the chosen layer. */
  public int position() {
    return info.index();
  }

  /** The chosen layer's name. */
  public String name() {
    return info.name();
  }

  /** Channels of the chosen layer's output (its last dimension). */
  public int channels() {
    int[] shape = info.outputShape();
    return shape[shape.length - 1];
  }

  private static int parseIndex(String text, int layerCount) {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw XaiCamException.usage("layer index " + text + " is not a number");
    }
    long keras = layerCount + 1; // plus the input layer
    long index = value < 0 ? keras + value : value;
    if (index < 0 || index >= keras) {
      throw XaiCamException.usage(
          "layer index " + text + " is out of range: the model has layers 0.." + (keras - 1)
              + " (0 is the input)");
    }
    return (int) index;
  }

  private static LayerInfo seekConvolution(List<LayerInfo> layers, int from, String requested) {
    for (int i = from; i >= 0; i--) {
      if (layers.get(i).kind() == LayerKind.CONV) {
        return layers.get(i);
      }
    }
    throw XaiCamException.usage(
        "no convolutional layer at or before layer '" + requested + "'; layers: "
            + String.join(", ", names(layers)));
  }

  private static LayerInfo lastConvolution(List<LayerInfo> layers) {
    return seekConvolution(layers, layers.size() - 1, null);
  }

  private static List<String> names(List<LayerInfo> layers) {
    List<String> names = new ArrayList<>();
    for (LayerInfo layer : layers) {
      names.add(layer.name());
    }
    return names;
  }

  /** The names nearest to {@code text} by edit distance: all of them when several tie. */
  private static String closest(List<LayerInfo> layers, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int best = Integer.MAX_VALUE;
    List<String> nearest = new ArrayList<>();
    for (LayerInfo layer : layers) {
      int d = EditDistance.between(layer.name().toLowerCase(Locale.ROOT), lower);
      if (d < best) {
        best = d;
        nearest.clear();
      }
      if (d == best) {
        nearest.add("'" + layer.name() + "'");
      }
    }
    if (nearest.isEmpty() || best > Math.max(3, text.length() / 2)) {
      return "";
    }
    return " (did you mean " + String.join(" or ", nearest) + "?)";
  }
}
