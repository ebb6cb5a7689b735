package dev.xaicam.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xaicam.XaiCamException;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.NodeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Turns a {@link ConfigModel} into one flat {@link GraphSpec}: nested models disappear, their
 * layers become nodes named by the path of enclosing models ({@code sequential_1/model1/Conv1}),
 * their inputs read whatever fed the nested model and their output node stands in for it.
 *
 * <p>Names in a config refer to layers of the same model; each such name becomes a key (its
 * path). A key names either a node or, for a nested model or a fed input placeholder, an alias
 * of another key; inputs are resolved through the aliases once every model has been visited.
 *
 * <p>Long because Keras's two inbound-node formats, nested models and node-index resolution are
 * one recursive walk; split, each half would need the other's state.
 */
final class GraphFlattener {

  /** A node before its input keys are resolved to node names. */
  private record Pending(String name, String className, ObjectNode config, List<String> inputKeys,
      List<String> nesting) {}

  /** The file, for messages. */
  private final Path file;
  /** Nodes in the order they were met. */
  private final List<Pending> pending = new ArrayList<>();
  /** Key of a nested model or fed input placeholder to the key it stands for. */
  private final Map<String, String> aliases = new HashMap<>();

  /** A flattener reporting problems against {@code file}. */
  private GraphFlattener(Path file) {
    this.file = file;
  }

  /**
   * The flat graph of {@code model}.
   *
   * @throws XaiCamException (setup) naming the file when the graph cannot be flattened: shared
   *     layers, several inputs or outputs, references to absent layers, no input shape
   */
  static GraphSpec flatten(Path file, ConfigModel model) {
    GraphFlattener flattener = new GraphFlattener(file);
    String output = flattener.emit(model, "", List.of(), null);
    return flattener.graph(model.name(), output);
  }

  /**
   * Emits the nodes of {@code model} under the path {@code prefix}.
   *
   * @param nesting the enclosing model names, outermost first
   * @param feeds keys of the tensors feeding the model's inputs; {@code null} for a model nothing
   *     feeds (the top level, or a nested model that is its parent's first layer), whose input
   *     placeholder becomes the graph's input node
   * @return the key of the model's output
   */
  private String emit(ConfigModel model, String prefix, List<String> nesting, List<String> feeds) {
    return model.sequential()
        ? emitSequential(model, prefix, nesting, feeds)
        : emitFunctional(model, prefix, nesting, feeds);
  }

  /** A Sequential model: a chain, fed by an explicit or implied input placeholder. */
  private String emitSequential(ConfigModel model, String prefix, List<String> nesting,
      List<String> feeds) {
    if (feeds != null && feeds.size() != 1) {
      throw problem("Sequential model '" + model.name() + "' is called on " + feeds.size()
          + " tensors; it takes one");
    }
    List<ConfigLayer> layers = model.layers();
    String previous = feeds == null ? null : feeds.get(0);
    int start = 0;
    if (layers.get(0).isInput()) {
      ConfigLayer input = layers.get(0);
      previous = placeholder(input, input.path(prefix), nesting, previous);
      start = 1;
    } else if (previous == null && layers.get(0).nested() == null) {
      previous = impliedInput(model, prefix, nesting);
    }
    for (ConfigLayer layer : layers.subList(start, layers.size())) {
      if (layer.isInput()) {
        throw problem("Sequential model '" + model.name() + "' has the InputLayer '"
            + layer.name() + "' after its first layer");
      }
      String key = layer.path(prefix);
      List<String> inputs = previous == null ? null : List.of(previous);
      if (layer.nested() != null) {
        aliases.put(key, emit(layer.nested(), key, append(nesting, layer.name()), inputs));
      } else {
        pending.add(new Pending(key, layer.className(), layer.config(), inputs, nesting));
      }
      previous = key;
    }
    return previous;
  }

  /**
   * The input node Keras itself creates for a Sequential model whose first layer carries the
   * input shape ({@code batch_input_shape} in Keras 2, {@code build_input_shape} in Keras 3),
   * named as Keras names it: the first layer's name plus {@code _input}.
   */
  private String impliedInput(ConfigModel model, String prefix, List<String> nesting) {
    ConfigLayer first = model.layers().get(0);
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    for (String key : List.of("batch_input_shape", "batch_shape")) {
      if (first.config().hasNonNull(key)) {
        config.set(key, first.config().get(key));
      }
    }
    if (config.isEmpty() && model.buildInputShape() != null) {
      config.set("batch_shape", model.buildInputShape());
    }
    if (config.isEmpty()) {
      throw problem("Sequential model '" + model.name() + "' declares no input shape (its first "
          + "layer '" + first.name() + "' has no batch_input_shape), so it was never built");
    }
    JsonNode dtype = first.config().get("dtype");
    if (dtype != null && dtype.isTextual()) {
      config.set("dtype", dtype);
    }
    String key = prefix.isEmpty() ? first.name() + "_input" : prefix + "/" + first.name() + "_input";
    config.put("name", key.substring(key.lastIndexOf('/') + 1));
    pending.add(new Pending(key, ConfigLayer.INPUT_LAYER, config, List.of(), nesting));
    return key;
  }

  /** A Functional model: every layer reads the tensors its one call names. */
  private String emitFunctional(ConfigModel model, String prefix, List<String> nesting,
      List<String> feeds) {
    List<String> inputNames = model.inputs().stream().map(TensorRef::layer).toList();
    if (feeds == null && inputNames.size() != 1) {
      throw problem("model '" + model.name() + "' has " + inputNames.size()
          + " inputs; xai-cam explains models with one image input");
    }
    if (feeds != null && feeds.size() != inputNames.size()) {
      throw problem("model '" + model.name() + "' takes " + inputNames.size()
          + " inputs but is called on " + feeds.size());
    }
    for (ConfigLayer layer : model.layers()) {
      String key = layer.path(prefix);
      if (layer.isInput()) {
        int index = inputNames.indexOf(layer.name());
        if (index < 0) {
          throw problem("model '" + model.name() + "' has the InputLayer '" + layer.name()
              + "', which is not among its inputs " + inputNames);
        }
        placeholder(layer, key, nesting, feeds == null ? null : feeds.get(index));
        continue;
      }
      List<String> inputs = new ArrayList<>();
      for (TensorRef ref : onlyCall(model, layer)) {
        inputs.add(tensorKey(model, prefix, ref));
      }
      if (layer.nested() != null) {
        aliases.put(key, emit(layer.nested(), key, append(nesting, layer.name()), inputs));
      } else {
        pending.add(new Pending(key, layer.className(), layer.config(), inputs, nesting));
      }
    }
    if (model.outputs().size() != 1) {
      throw problem("model '" + model.name() + "' has " + model.outputs().size()
          + " outputs; xai-cam explains models with one output");
    }
    return tensorKey(model, prefix, model.outputs().get(0));
  }

  /**
   * An input placeholder: the graph's input node when nothing feeds the model, otherwise an alias
   * of the tensor that feeds it.
   */
  private String placeholder(ConfigLayer input, String key, List<String> nesting, String feed) {
    if (feed == null) {
      pending.add(new Pending(key, input.className(), input.config(), List.of(), nesting));
    } else {
      aliases.put(key, feed);
    }
    return key;
  }

  /** The inputs of a layer's single call; a layer called more than once cannot be flattened. */
  private List<TensorRef> onlyCall(ConfigModel model, ConfigLayer layer) {
    if (layer.calls().isEmpty()) {
      throw problem("layer '" + layer.name() + "' of model '" + model.name()
          + "' is not connected to anything (no inbound nodes)");
    }
    if (layer.calls().size() > 1) {
      throw problem("layer '" + layer.name() + "' (" + layer.className() + ") of model '"
          + model.name() + "' is shared: it is called " + layer.calls().size()
          + " times, which xai-cam cannot represent (each layer must be used once)");
    }
    return layer.calls().get(0);
  }

  /** The key of a referenced tensor: a layer of the same model, first output only. */
  private String tensorKey(ConfigModel model, String prefix, TensorRef ref) {
    ConfigLayer source = model.layer(ref.layer());
    if (source == null) {
      throw problem("model '" + model.name() + "' refers to layer '" + ref.layer()
          + "', which it does not contain");
    }
    if (ref.tensorIndex() != 0) {
      throw problem("model '" + model.name() + "' uses output " + ref.tensorIndex() + " of layer '"
          + ref.layer() + "'; xai-cam supports single-output layers only");
    }
    return source.path(prefix);
  }

  /** Resolves aliases, orders the nodes topologically and checks the result. */
  private GraphSpec graph(String modelName, String outputKey) {
    List<NodeSpec> nodes = new ArrayList<>();
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < pending.size(); i++) {
      indexOf.put(pending.get(i).name(), i);
    }
    for (Pending p : pending) {
      List<String> inputs = new ArrayList<>();
      for (String key : p.inputKeys()) {
        inputs.add(resolve(key, indexOf));
      }
      nodes.add(new NodeSpec(p.name(), p.className(), p.config(), inputs, p.nesting()));
    }
    long inputCount = nodes.stream().filter(n -> n.inputs().isEmpty()).count();
    if (inputCount != 1) {
      throw problem("model '" + modelName + "' flattens to " + inputCount
          + " input layers; xai-cam explains models with one image input");
    }
    try {
      return new GraphSpec(modelName, topological(nodes, indexOf), resolve(outputKey, indexOf));
    } catch (IllegalArgumentException e) {
      throw problem(e.getMessage());
    }
  }

  /** Follows aliases from {@code key} to a node name. */
  private String resolve(String key, Map<String, Integer> indexOf) {
    String current = key;
    for (int steps = 0; steps <= aliases.size(); steps++) {
      if (indexOf.containsKey(current)) {
        return current;
      }
      String next = aliases.get(current);
      if (next == null) {
        break;
      }
      current = next;
    }
    throw problem("'" + key + "' does not lead to any layer of the model");
  }

  /**
   * The nodes in an order where each node follows its inputs, keeping the config's order wherever
   * it already is one (Kahn's algorithm, taking the earliest ready node first).
   */
  private List<NodeSpec> topological(List<NodeSpec> nodes, Map<String, Integer> indexOf) {
    int n = nodes.size();
    int[] waiting = new int[n];
    List<List<Integer>> readers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      readers.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (String input : nodes.get(i).inputs()) {
        readers.get(indexOf.get(input)).add(i);
        waiting[i]++;
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    List<NodeSpec> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      int i = ready.poll();
      ordered.add(nodes.get(i));
      for (int reader : readers.get(i)) {
        if (--waiting[reader] == 0) {
          ready.add(reader);
        }
      }
    }
    if (ordered.size() != n) {
      throw problem("the model's layers form a cycle");
    }
    return ordered;
  }

  /** {@code list} plus {@code last}. */
  private static List<String> append(List<String> list, String last) {
    List<String> out = new ArrayList<>(list);
    out.add(last);
    return out;
  }

  /** A setup failure naming the file. */
  private XaiCamException problem(String reason) {
    return XaiCamException.setup(file + ": " + reason);
  }
}
