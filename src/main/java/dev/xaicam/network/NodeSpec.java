package dev.xaicam.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One layer instance of a model graph as a Keras file (or a built-in architecture) describes it,
 * before any weights are attached: the contract between whatever reads a model description
 * ({@code keras}, the built-in architectures) and the graph network that runs it.
 *
 * @param name unique node name; for a layer inside a nested model, the path of enclosing model
 *     names and the layer's own name joined by {@code /} ({@code mobilenetv2_1.00_224/out_relu})
 * @param className Keras's layer class name ({@code Conv2D}, {@code InputLayer}, ...), which
 *     selects the layer type in the registry
 * @param config the layer's Keras {@code config} object as the file holds it (never modified)
 * @param inputs names of the nodes whose outputs feed this one, in call order; empty for the
 *     {@code InputLayer}
 * @param nesting names of the nested models enclosing the layer, outermost first; empty for a
 *     top-level layer (used to display nested models and to resolve short target names)
 */
public record NodeSpec(
    String name, String className, ObjectNode config, List<String> inputs, List<String> nesting) {

  /** Checks the names and takes immutable copies. */
  public NodeSpec {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("node name must be non-empty, got '" + name + "'");
    }
    if (className == null || className.isEmpty()) {
      throw new IllegalArgumentException("node '" + name + "' has no class name");
    }
    config = config == null ? null : config.deepCopy();
    inputs = List.copyOf(inputs);
    nesting = List.copyOf(nesting);
  }

  /** A top-level node (not inside a nested model). */
  public NodeSpec(String name, String className, ObjectNode config, List<String> inputs) {
    this(name, className, config, inputs, List.of());
  }

  /** The layer's own name, without the nested-model path. */
  public String shortName() {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** A copy of the config, so callers cannot alter the spec. */
  @Override
  public ObjectNode config() {
    return config == null ? null : config.deepCopy();
  }
}
