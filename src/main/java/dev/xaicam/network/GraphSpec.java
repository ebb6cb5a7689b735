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
 */
public record GraphSpec(String name, List<NodeSpec> nodes, String outputName) {

  /** Checks names are unique, inputs refer to earlier nodes and the output exists. */
  public GraphSpec {
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
}
