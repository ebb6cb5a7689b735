package dev.xaicam.network;

import dev.xaicam.EditDistance;
import dev.xaicam.XaiCamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves what {@code --layer} says into a {@link TargetNode}: the default rule, a layer name
 * (full path, or a unique path suffix such as the short name), or an index with tf-keras-vis's
 * rule.
 *
 * <p>Indices count Keras's {@code model.layers} of the outer model: every top-level node, the
 * input layer being 0, a nested model one entry; negative indices count from the end. From the
 * indexed entry tf-keras-vis seeks backwards (into nested models) for the nearest convolution.
 */
final class TargetResolver {

  /** Static helpers only. */
  private TargetResolver() {}

  /**
   * Index of the default target, or -1: the last node in graph order whose output is an
   * H x W x C map with H*W > 1, whose layer may serve ({@link Layer#defaultTargetCandidate()})
   * and which feeds the output.
   */
  static int defaultIndex(ModelGraph graph) {
    for (int i = graph.size() - 1; i >= 0; i--) {
      int[] shape = graph.outputShape(i);
      if (graph.feedsOutput(i) && shape.length == 3 && shape[0] * shape[1] > 1
          && graph.layer(i).defaultTargetCandidate()) {
        return i;
      }
    }
    return -1;
  }

  /** See {@link ModelGraph#target(String)}. */
  static TargetNode resolve(ModelGraph graph, String spec) {
    if (spec == null || spec.isBlank()) {
      int i = defaultIndex(graph);
      if (i < 0) {
        throw XaiCamException.usage("model '" + graph.name() + "' has no layer with an"
            + " H x W x C feature map to explain");
      }
      return node(graph, i, null);
    }
    String text = spec.trim();
    int index = text.matches("[+-]?\\d+") ? byIndex(graph, text) : byName(graph, text);
    return node(graph, index, text);
  }

  /** The target at node {@code i}, checked to have a map output that feeds the output. */
  private static TargetNode node(ModelGraph graph, int i, String requested) {
    String name = graph.node(i).name();
    if (graph.outputShape(i).length != 3) {
      int fallback = defaultIndex(graph);
      throw XaiCamException.usage("layer '" + name + "' has no H x W x C feature map"
          + (fallback < 0 ? "" : "; choose a layer with one, such as '"
              + graph.node(fallback).name() + "'"));
    }
    if (!graph.feedsOutput(i)) {
      throw XaiCamException.usage("layer '" + name + "' does not lead to the model's output");
    }
    return new TargetNode(name, i, graph.outputShape(i), requested);
  }

  /** The node named {@code text} exactly, or the one whose path ends with {@code /text}. */
  private static int byName(ModelGraph graph, String text) {
    List<Integer> suffixMatches = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      String name = graph.node(i).name();
      if (name.equals(text)) {
        return i;
      }
      if (name.endsWith("/" + text)) {
        suffixMatches.add(i);
      }
    }
    if (suffixMatches.size() == 1) {
      return suffixMatches.get(0);
    }
    if (suffixMatches.size() > 1) {
      List<String> names = new ArrayList<>();
      suffixMatches.forEach(i -> names.add("'" + graph.node(i).name() + "'"));
      throw XaiCamException.usage("layer name '" + text + "' is ambiguous in "
          + graph.name() + ": " + String.join(", ", names) + "; give its full path");
    }
    throw XaiCamException.usage("unknown layer '" + text + "' in " + graph.name()
        + closest(graph, text) + "; layers: " + String.join(", ", names(graph)));
  }

  /** tf-keras-vis's index rule: the nearest convolution at or before entry {@code text}. */
  private static int byIndex(ModelGraph graph, String text) {
    List<List<Integer>> entries = topLevelEntries(graph);
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw XaiCamException.usage("layer index " + text + " is not a number");
    }
    long entry = value < 0 ? entries.size() + value : value;
    if (entry < 0 || entry >= entries.size()) {
      throw XaiCamException.usage("layer index " + text + " is out of range: the model has"
          + " layers 0.." + (entries.size() - 1) + " (0 is the input)");
    }
    for (int e = (int) entry; e >= 0; e--) {
      List<Integer> nodes = entries.get(e);
      for (int k = nodes.size() - 1; k >= 0; k--) {
        int i = nodes.get(k);
        if (LayerTypes.isKerasConvolution(graph.node(i).className()) && graph.feedsOutput(i)) {
          return i;
        }
      }
    }
    int fallback = defaultIndex(graph);
    throw XaiCamException.usage("no convolutional layer at or before layer index " + text
        + (entry == 0 ? " (the input layer)" : "")
        + (fallback < 0 ? "" : "; give one, e.g. " + graph.node(fallback).name()));
  }

  /** Keras's outer {@code model.layers}: each top-level node, or a nested model's nodes. */
  private static List<List<Integer>> topLevelEntries(ModelGraph graph) {
    List<List<Integer>> entries = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      List<String> nesting = graph.node(i).nesting();
      String key = nesting.isEmpty() ? null : nesting.get(0);
      int at = key == null ? -1 : keys.indexOf(key);
      if (at < 0) {
        entries.add(new ArrayList<>());
        keys.add(key);
        at = entries.size() - 1;
      }
      entries.get(at).add(i);
    }
    return entries;
  }

  /** Every node name. */
  private static List<String> names(ModelGraph graph) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      names.add(graph.node(i).name());
    }
    return names;
  }

  /** The names nearest to {@code text} by edit distance (full or short name): ties all shown. */
  private static String closest(ModelGraph graph, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int best = Integer.MAX_VALUE;
    List<String> nearest = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      NodeSpec node = graph.node(i);
      int d = Math.min(EditDistance.between(node.name().toLowerCase(Locale.ROOT), lower),
          EditDistance.between(node.shortName().toLowerCase(Locale.ROOT), lower));
      if (d < best) {
        best = d;
        nearest.clear();
      }
      if (d == best) {
        nearest.add("'" + node.name() + "'");
      }
    }
    if (nearest.isEmpty() || best > Math.max(3, text.length() / 2)) {
      return "";
    }
    return " (did you mean " + String.join(" or ", nearest) + "?)";
  }
}
