package dev.xaicam.architectures;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.NodeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sequential model as a {@link GraphSpec} with the configs Keras 2 saves for these
 * layers, so built-in architectures run through the same layer registry as model files.
 */
final class KerasGraphBuilder {
  /** JSON node factory. */
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The model's name for messages. */
  private final String modelName;
  /** Nodes so far, in order. */
  private final List<NodeSpec> nodes = new ArrayList<>();

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
    ObjectNode config = base(name);
    config.put("filters", filters);
    config.putArray("kernel_size").add(kernel).add(kernel);
    config.putArray("strides").add(1).add(1);
    config.put("padding", "same");
    config.put("data_format", "channels_last");
    config.putArray("dilation_rate").add(1).add(1);
    config.put("groups", 1);
    config.put("activation", activation);
    config.put("use_bias", true);
    return add(name, "Conv2D", config);
  }

  /** A 2x2 MaxPooling2D moved by 2, {@code valid} padding (Keras's default). */
  KerasGraphBuilder maxPool(String name) {
    ObjectNode config = base(name);
    config.putArray("pool_size").add(2).add(2);
    config.put("padding", "valid");
    config.putArray("strides").add(2).add(2);
    config.put("data_format", "channels_last");
    return add(name, "MaxPooling2D", config);
  }

  /** A Flatten. */
  KerasGraphBuilder flatten(String name) {
    ObjectNode config = base(name);
    config.put("data_format", "channels_last");
    return add(name, "Flatten", config);
  }

  /** A Dense with a bias. */
  KerasGraphBuilder dense(String name, int units, String activation) {
    ObjectNode config = base(name);
    config.put("units", units);
    config.put("activation", activation);
    config.put("use_bias", true);
    return add(name, "Dense", config);
  }

  /** The graph; its output is the last node added. */
  GraphSpec build() {
    return new GraphSpec(modelName, nodes, nodes.get(nodes.size() - 1).name());
  }

  /** Appends a node reading the previous one. */
  private KerasGraphBuilder add(String name, String className, ObjectNode config) {
    nodes.add(new NodeSpec(name, className, config, List.of(nodes.get(nodes.size() - 1).name())));
    return this;
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
