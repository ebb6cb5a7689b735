package dev.xaicam.network;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model's architecture as a graph of layer nodes in topological order, with one input node and
 * one output node: what a Keras file's {@code model_config} (with nested models flattened) or a
 * built-in architecture describes. Weights are attached separately ({@link ModelWeights}).
 *
 * @param name the model's name, for messages ({@code VGG16}, the Keras model's {@code name})
 * @param nodes every node in topological order: each node's inputs appear before it; the first
 *     node is the single {@code InputLayer}
 * @param outputName the node whose output is the model's output (class scores or probabilities)
 * @param kerasMajorVersion major version of the Keras that wrote the configs (2 or 3): the few
 *     semantics that differ between them (the {@code hard_sigmoid} slope) follow it
 */
public record GraphSpec(String name, List<NodeSpec> nodes, String outputName,
    int kerasMajorVersion) {
  /** Keras 2 (and tf.keras), the version built-in architectures follow. */
  public static final int KERAS_2 = 2;
  /** Keras 3. */
  public static final int KERAS_3 = 3;

  /** A graph whose configs Keras 2 wrote. */
  public GraphSpec(String name, List<NodeSpec> nodes, String outputName) {
    this(name, nodes, outputName, KERAS_2);
  }

  /** Checks names are unique, inputs refer to earlier nodes and the output exists. */
  public GraphSpec {
    if (kerasMajorVersion != KERAS_2 && kerasMajorVersion != KERAS_3) {
      throw new IllegalArgumentException("model '" + name + "': Keras major version must be 2 or 3,"
          + " got " + kerasMajorVersion);
    }
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("model '" + name + "' has no layers");
    }
    Set<String> seen = new HashSet<>();
    for (NodeSpec node : nodes) {
      for (String input : node.inputs()) {
        if (!seen.contains(input)) {
          throw new IllegalArgumentException("model '" + name + "': layer '" + node.name()
              + "' reads '" + input + "', which is not an earlier layer");
        }
      }
      if (!seen.add(node.name())) {
        throw new IllegalArgumentException("model '" + name + "': two layers are named '"
            + node.name() + "'");
      }
    }
    if (!seen.contains(outputName)) {
      throw new IllegalArgumentException("model '" + name + "': output layer '" + outputName
          + "' is not among its layers");
    }
  }

  /** The node called {@code name}, or {@code null}. */
  public NodeSpec node(String nodeName) {
    for (NodeSpec node : nodes) {
      if (node.name().equals(nodeName)) {
        return node;
      }
    }
    return null;
  }

  /**
   * This graph with its input node declaring {@code height} x {@code width} (channels unchanged),
   * for models whose config leaves the size open ({@code --input-size}).
   */
  public GraphSpec withInputSize(int height, int width) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("input size must be positive, got " + height + "x"
          + width);
    }
    NodeSpec input = nodes.get(0);
    com.fasterxml.jackson.databind.node.ObjectNode config = input.config();
    String key = config != null && config.has("batch_shape") ? "batch_shape" : "batch_input_shape";
    com.fasterxml.jackson.databind.JsonNode old = config == null ? null : config.get(key);
    if (config == null || old == null || !old.isArray() || old.size() != 4) {
      throw new IllegalArgumentException("model '" + name + "': input layer '" + input.name()
          + "' has no image shape to resize");
    }
    com.fasterxml.jackson.databind.node.ArrayNode shape = config.putArray(key);
    shape.addNull().add(height).add(width).add(old.get(3));
    java.util.List<NodeSpec> copy = new java.util.ArrayList<>(nodes);
    copy.set(0, new NodeSpec(input.name(), input.className(), config, input.inputs(),
        input.nesting()));
    return new GraphSpec(name, copy, outputName, kerasMajorVersion);
  }
}
