package dev.xaicam.architectures;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.NodeSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a model as a {@link GraphSpec} with the configs Keras 2 saves for its layers, so
 * built-in architectures run through the same layer registry as model files. Sequential methods
 * read the node added last; the others name their inputs and return the new node's name.
 *
 * <p>Long because it writes each Keras layer's config in Keras's own keys, one small method per
 * layer kind the architectures use.
 */
final class KerasGraphBuilder {
  /** JSON node factory. */
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The model's name for messages. */
  private final String modelName;
  /** Nodes so far, in order. */
  private final List<NodeSpec> nodes = new ArrayList<>();
  /** Per Keras auto-name prefix, how many unnamed layers took it ({@code conv2d_1} is the 2nd). */
  private final Map<String, Integer> autoNames = new HashMap<>();

  /** A model whose input layer {@code inputName} takes H x W x C images. */
  KerasGraphBuilder(String modelName, String inputName, int height, int width, int channels) {
    this.modelName = modelName;
    ObjectNode config = base(inputName);
    config.putArray("batch_input_shape").addNull().add(height).add(width).add(channels);
    config.put("sparse", false);
    nodes.add(new NodeSpec(inputName, "InputLayer", config, List.of()));
  }

  /** A Conv2D with a square kernel, stride 1, {@code same} padding and a bias. */
  KerasGraphBuilder conv(String name, int filters, int kernel, String activation) {
    conv(name, last(), filters, kernel, kernel, 1, "same", true, activation);
    return this;
  }

  /** A 2x2 MaxPooling2D moved by 2, {@code valid} padding (Keras's default). */
  KerasGraphBuilder maxPool(String name) {
    maxPool(name, last(), 2, 2, "valid");
    return this;
  }

  /** A Flatten. */
  KerasGraphBuilder flatten(String name) {
    ObjectNode config = base(name);
    config.put("data_format", "channels_last");
    add(name, "Flatten", config, last());
    return this;
  }

  /** A Dense with a bias. */
  KerasGraphBuilder dense(String name, int units, String activation) {
    dense(name, last(), units, activation);
    return this;
  }

  /** The name of the node added last. */
  String last() {
    return nodes.get(nodes.size() - 1).name();
  }

  /**
   * The name Keras gives the next unnamed layer of a class: {@code prefix}, then
   * {@code prefix_1}, {@code prefix_2}, ... (tf.keras 2.x and Keras 3 numbering).
   */
  String auto(String prefix) {
    int used = autoNames.merge(prefix, 1, Integer::sum) - 1;
    return used == 0 ? prefix : prefix + "_" + used;
  }

  /** A Conv2D with a {@code kh} x {@code kw} kernel. */
  String conv(String name, String input, int filters, int kh, int kw, int stride, String padding,
      boolean bias, String activation) {
    ObjectNode config = base(name);
    config.put("filters", filters);
    config.putArray("kernel_size").add(kh).add(kw);
    config.putArray("strides").add(stride).add(stride);
    config.put("padding", padding);
    config.put("data_format", "channels_last");
    config.putArray("dilation_rate").add(1).add(1);
    config.put("groups", 1);
    config.put("activation", activation);
    config.put("use_bias", bias);
    return add(name, "Conv2D", config, input);
  }

  /** A DepthwiseConv2D (depth multiplier 1) with a square kernel and no activation. */
  String depthwise(String name, String input, int kernel, int stride, String padding,
      boolean bias) {
    ObjectNode config = base(name);
    config.putArray("kernel_size").add(kernel).add(kernel);
    config.putArray("strides").add(stride).add(stride);
    config.put("padding", padding);
    config.put("data_format", "channels_last");
    config.putArray("dilation_rate").add(1).add(1);
    config.put("depth_multiplier", 1);
    config.put("activation", "linear");
    config.put("use_bias", bias);
    return add(name, "DepthwiseConv2D", config, input);
  }

  /** A SeparableConv2D (depth multiplier 1), stride 1, with a square kernel, no activation. */
  String separable(String name, String input, int filters, int kernel, String padding,
      boolean bias) {
    ObjectNode config = base(name);
    config.put("filters", filters);
    config.putArray("kernel_size").add(kernel).add(kernel);
    config.putArray("strides").add(1).add(1);
    config.put("padding", padding);
    config.put("data_format", "channels_last");
    config.putArray("dilation_rate").add(1).add(1);
    config.put("depth_multiplier", 1);
    config.put("activation", "linear");
    config.put("use_bias", bias);
    return add(name, "SeparableConv2D", config, input);
  }

  /** A BatchNormalization over the channels with {@code epsilon}, centred and scaled. */
  String batchNorm(String name, String input, double epsilon) {
    return batchNorm(name, input, epsilon, true);
  }

  /** A BatchNormalization without gamma ({@code scale=False}, InceptionV3's). */
  String batchNormNoScale(String name, String input, double epsilon) {
    return batchNorm(name, input, epsilon, false);
  }

  /** An Activation layer applying {@code function}. */
  String activation(String name, String input, String function) {
    ObjectNode config = base(name);
    config.put("activation", function);
    return add(name, "Activation", config, input);
  }

  /** A ReLU layer capped at {@code maxValue} (MobileNet's ReLU6). */
  String relu(String name, String input, double maxValue) {
    ObjectNode config = base(name);
    config.put("max_value", maxValue);
    config.put("negative_slope", 0.0);
    config.put("threshold", 0.0);
    return add(name, "ReLU", config, input);
  }

  /** A ZeroPadding2D adding rows above/below and columns left/right. */
  String zeroPad(String name, String input, int top, int bottom, int left, int right) {
    ObjectNode config = base(name);
    ArrayNode padding = config.putArray("padding");
    padding.addArray().add(top).add(bottom);
    padding.addArray().add(left).add(right);
    config.put("data_format", "channels_last");
    return add(name, "ZeroPadding2D", config, input);
  }

  /** A MaxPooling2D with a square window. */
  String maxPool(String name, String input, int pool, int stride, String padding) {
    return pool(name, "MaxPooling2D", input, pool, stride, padding);
  }

  /** An AveragePooling2D with a square window. */
  String avgPool(String name, String input, int pool, int stride, String padding) {
    return pool(name, "AveragePooling2D", input, pool, stride, padding);
  }

  /** A GlobalAveragePooling2D. */
  String globalAvgPool(String name, String input, boolean keepDims) {
    ObjectNode config = base(name);
    config.put("data_format", "channels_last");
    config.put("keepdims", keepDims);
    return add(name, "GlobalAveragePooling2D", config, input);
  }

  /** A Dense with a bias. */
  String dense(String name, String input, int units, String activation) {
    ObjectNode config = base(name);
    config.put("units", units);
    config.put("activation", activation);
    config.put("use_bias", true);
    return add(name, "Dense", config, input);
  }

  /** An Add of {@code inputs}. */
  String add(String name, String... inputs) {
    return add(name, "Add", base(name), inputs);
  }

  /** A Multiply of {@code inputs}. */
  String multiply(String name, String... inputs) {
    return add(name, "Multiply", base(name), inputs);
  }

  /** A Concatenate of {@code inputs} along the channels. */
  String concat(String name, String... inputs) {
    ObjectNode config = base(name);
    config.put("axis", -1);
    return add(name, "Concatenate", config, inputs);
  }

  /** A Dropout (an identity at inference). */
  String dropout(String name, String input, double rate) {
    ObjectNode config = base(name);
    config.put("rate", rate);
    return add(name, "Dropout", config, input);
  }

  /** A Reshape to {@code target} (per image). */
  String reshape(String name, String input, int... target) {
    ObjectNode config = base(name);
    ArrayNode shape = config.putArray("target_shape");
    for (int d : target) {
      shape.add(d);
    }
    return add(name, "Reshape", config, input);
  }

  /** A Rescaling {@code y = x * scale + offset}. */
  String rescaling(String name, String input, double scale, double offset) {
    return rescaling(name, input, new double[] {scale}, offset);
  }

  /** A Rescaling with one scale per channel. */
  String rescaling(String name, String input, double[] scale, double offset) {
    ObjectNode config = base(name);
    if (scale.length == 1) {
      config.put("scale", scale[0]);
    } else {
      ArrayNode values = config.putArray("scale");
      for (double s : scale) {
        values.add(s);
      }
    }
    config.put("offset", offset);
    return add(name, "Rescaling", config, input);
  }

  /** A Normalization over the channels whose mean and variance are weights (Keras 2's form). */
  String normalization(String name, String input) {
    ObjectNode config = base(name);
    config.put("axis", -1);
    return add(name, "Normalization", config, input);
  }

  /** The graph in the order Keras lists {@code model.layers}; its output is the last node added. */
  GraphSpec build() {
    return new GraphSpec(modelName, kerasOrder(), last());
  }

  /**
   * The nodes as a Keras functional model orders its layers: by depth (longest path to the
   * output) decreasing, ties by first visit in a depth-first walk from the output through each
   * node's inputs in call order. This is the order {@code model.summary()} prints, tf-keras-vis's
   * layer indices count and Keras's positional weight loading follows.
   */
  private List<NodeSpec> kerasOrder() {
    Map<String, NodeSpec> byName = new HashMap<>();
    nodes.forEach(n -> byName.put(n.name(), n));
    Map<String, Integer> visitIndex = new HashMap<>();
    List<String> postOrder = new ArrayList<>();
    visit(last(), byName, visitIndex, postOrder);
    Map<String, Integer> depth = new HashMap<>();
    for (int i = postOrder.size() - 1; i >= 0; i--) {
      String name = postOrder.get(i);
      int d = depth.computeIfAbsent(name, k -> 0);
      for (String input : byName.get(name).inputs()) {
        depth.merge(input, d + 1, Math::max);
      }
    }
    List<NodeSpec> ordered = new ArrayList<>();
    postOrder.forEach(name -> ordered.add(byName.get(name)));
    ordered.sort(Comparator.comparing((NodeSpec n) -> -depth.get(n.name()))
        .thenComparing(n -> visitIndex.get(n.name())));
    return ordered;
  }

  /** Depth-first from {@code name}: numbers nodes on first visit, lists them after their inputs. */
  private static void visit(String name, Map<String, NodeSpec> byName,
      Map<String, Integer> visitIndex, List<String> postOrder) {
    if (visitIndex.containsKey(name)) {
      return;
    }
    visitIndex.put(name, visitIndex.size());
    for (String input : byName.get(name).inputs()) {
      visit(input, byName, visitIndex, postOrder);
    }
    postOrder.add(name);
  }

  /** A BatchNormalization over the channels, centred, scaled by gamma if {@code scale}. */
  private String batchNorm(String name, String input, double epsilon, boolean scale) {
    ObjectNode config = base(name);
    config.put("axis", -1);
    config.put("momentum", 0.99);
    config.put("epsilon", epsilon);
    config.put("center", true);
    config.put("scale", scale);
    return add(name, "BatchNormalization", config, input);
  }

  /** A pooling layer of {@code className}. */
  private String pool(String name, String className, String input, int pool, int stride,
      String padding) {
    ObjectNode config = base(name);
    config.putArray("pool_size").add(pool).add(pool);
    config.put("padding", padding);
    config.putArray("strides").add(stride).add(stride);
    config.put("data_format", "channels_last");
    return add(name, className, config, input);
  }

  /** Appends a node reading {@code inputs}. */
  private String add(String name, String className, ObjectNode config, String... inputs) {
    nodes.add(new NodeSpec(name, className, config, List.of(inputs)));
    return name;
  }

  /** The keys every Keras layer config carries. */
  private static ObjectNode base(String name) {
    ObjectNode config = JSON.objectNode();
    config.put("name", name);
    config.put("trainable", true);
    config.put("dtype", "float32");
    return config;
  }
}
