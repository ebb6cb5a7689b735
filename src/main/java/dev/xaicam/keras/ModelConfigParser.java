package dev.xaicam.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xaicam.XaiCamException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a Keras model config ({@code model_config} of an HDF5 file, {@code config.json} of a
 * {@code .keras} archive) into {@link ConfigModel}s, accepting every dialect Keras has written:
 * Sequential configs as {@code {"layers": [...]}} or as a bare list (Keras 2.2 and older), class
 * {@code Model} or {@code Functional}, and {@code inbound_nodes} both as Keras 2's nested lists
 * {@code [[[name, node, tensor, kwargs], ...]]} and as Keras 3's {@code args} holding
 * {@code __keras_tensor__} objects.
 */
final class ModelConfigParser {

  /** Class names whose config is itself a model with layers. */
  private static final Set<String> MODEL_CLASSES = Set.of("Sequential", "Functional", "Model");

  /** Keras 3's class name for a serialised symbolic tensor. */
  private static final String KERAS_TENSOR = "__keras_tensor__";

  /** The file, for messages. */
  private final Path file;

  /** A parser reporting problems against {@code file}. */
  ModelConfigParser(Path file) {
    this.file = file;
  }

  /**
   * Parses the top-level {@code {"class_name": ..., "config": ...}} object.
   *
   * @throws XaiCamException (setup) naming the file and what is wrong with the config
   */
  ConfigModel parse(JsonNode root) {
    if (!root.isObject()) {
      throw problem("the model config is not a JSON object");
    }
    String className = text(root, "class_name");
    if (className == null) {
      throw problem("the model config has no 'class_name'");
    }
    if (!MODEL_CLASSES.contains(className)) {
      throw problem("the model is a '" + className + "', not a Sequential or Functional model; "
          + "xai-cam reads models saved as Sequential or Functional Keras models");
    }
    return model(className, root.get("config"));
  }

  /** One model's config (top-level or nested). */
  private ConfigModel model(String className, JsonNode config) {
    if (config == null || config.isNull()) {
      throw problem("the " + className + " model config has no 'config'");
    }
    if (className.equals("Sequential")) {
      // Keras 2.2 and older wrote a Sequential config as the bare list of its layers.
      JsonNode layers = config.isArray() ? config : config.get("layers");
      String name = config.isArray() ? "sequential" : textOr(config, "name", "sequential");
      JsonNode buildShape = config.isArray() ? null : config.get("build_input_shape");
      return new ConfigModel(name, className, true, layers(name, layers, false), List.of(),
          List.of(), buildShape == null || buildShape.isNull() ? null : buildShape);
    }
    String name = textOr(config, "name", "model");
    if (!config.has("layers")) {
      // A subclassed model's get_config() holds no layers: its architecture is Python code.
      throw problem("model '" + name + "' (" + className + ") lists no layers: it is a subclassed "
          + "Keras model, whose architecture is Python code; save a Functional or Sequential model");
    }
    return new ConfigModel(name, className, false, layers(name, config.get("layers"), true),
        tensors(name, config.get("input_layers")), tensors(name, config.get("output_layers")),
        null);
  }

  /** A model's layer entries. */
  private List<ConfigLayer> layers(String modelName, JsonNode layers, boolean functional) {
    if (layers == null || !layers.isArray() || layers.isEmpty()) {
      throw problem("model '" + modelName + "' has no layers in its config");
    }
    List<ConfigLayer> out = new ArrayList<>();
    for (JsonNode entry : layers) {
      out.add(layer(modelName, entry, functional));
    }
    return out;
  }

  /** One layer entry. */
  private ConfigLayer layer(String modelName, JsonNode entry, boolean functional) {
    String className = entry.isObject() ? text(entry, "class_name") : null;
    if (className == null) {
      throw problem("model '" + modelName + "' has a layer without 'class_name': "
          + abbreviate(entry));
    }
    JsonNode config = entry.get("config");
    String name = textOr(entry, "name", config != null && config.isObject()
        ? textOr(config, "name", null) : null);
    if (name == null || name.isEmpty()) {
      throw problem("model '" + modelName + "' has a " + className + " layer without a name");
    }
    ConfigModel nested = MODEL_CLASSES.contains(className) ? model(className, config) : null;
    ObjectNode layerConfig = config instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    List<List<TensorRef>> calls = functional ? calls(name, entry.get("inbound_nodes")) : List.of();
    return new ConfigLayer(name, className, layerConfig, calls, nested);
  }

  /** The input tensors of each call in a Functional layer's {@code inbound_nodes}. */
  private List<List<TensorRef>> calls(String layerName, JsonNode inboundNodes) {
    List<List<TensorRef>> calls = new ArrayList<>();
    if (inboundNodes == null || inboundNodes.isNull()) {
      return calls;
    }
    if (!inboundNodes.isArray()) {
      throw problem("layer '" + layerName + "' has malformed 'inbound_nodes': "
          + abbreviate(inboundNodes));
    }
    for (JsonNode node : inboundNodes) {
      List<TensorRef> inputs = new ArrayList<>();
      if (node.isArray()) {
        // Keras 1/2: a list of [layer_name, node_index, tensor_index(, kwargs)].
        for (JsonNode input : node) {
          inputs.add(reference(layerName, input));
        }
      } else if (node.isObject()) {
        // Keras 3: the call's args and kwargs with tensors as __keras_tensor__ objects.
        collectKerasTensors(layerName, node.get("args"), inputs);
        collectKerasTensors(layerName, node.get("kwargs"), inputs);
      } else {
        throw problem("layer '" + layerName + "' has malformed 'inbound_nodes': "
            + abbreviate(inboundNodes));
      }
      if (inputs.isEmpty()) {
        throw problem("layer '" + layerName + "' is called without an input tensor");
      }
      calls.add(inputs);
    }
    return calls;
  }

  /** Appends every Keras 3 tensor inside {@code value} (depth first, in order). */
  private void collectKerasTensors(String layerName, JsonNode value, List<TensorRef> out) {
    if (value == null) {
      return;
    }
    if (value.isObject() && KERAS_TENSOR.equals(text(value, "class_name"))) {
      JsonNode config = value.get("config");
      out.add(reference(layerName, config == null ? null : config.get("keras_history")));
      return;
    }
    if (value.isContainerNode()) {
      for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
        collectKerasTensors(layerName, it.next(), out);
      }
    }
  }

  /** The tensors of {@code input_layers}/{@code output_layers}: one reference or a structure of them. */
  private List<TensorRef> tensors(String modelName, JsonNode value) {
    List<TensorRef> out = new ArrayList<>();
    if (value != null && !value.isNull()) {
      collectReferences(modelName, value, out);
    }
    if (out.isEmpty()) {
      throw problem("model '" + modelName + "' does not name its input and output layers");
    }
    return out;
  }

  /** Appends the references in a (possibly nested) list or dict of {@code [name, node, tensor]}. */
  private void collectReferences(String modelName, JsonNode value, List<TensorRef> out) {
    if (value.isArray() && !value.isEmpty() && value.get(0).isTextual()) {
      out.add(reference(modelName, value));
    } else if (value.isContainerNode()) {
      for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
        collectReferences(modelName, it.next(), out);
      }
    } else {
      throw problem("model '" + modelName + "' has a malformed tensor reference: "
          + abbreviate(value));
    }
  }

  /** One {@code [layer_name, node_index, tensor_index(, kwargs)]} reference. */
  private TensorRef reference(String owner, JsonNode ref) {
    if (ref == null || !ref.isArray() || ref.size() < 3 || !ref.get(0).isTextual()
        || !ref.get(1).isIntegralNumber() || !ref.get(2).isIntegralNumber()) {
      throw problem("'" + owner + "' has a malformed tensor reference: " + abbreviate(ref));
    }
    return new TensorRef(ref.get(0).asText(), ref.get(1).asInt(), ref.get(2).asInt());
  }

  /** A string field, or {@code null} when absent or not a string. */
  private static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** A string field, or {@code fallback}. */
  private static String textOr(JsonNode object, String field, String fallback) {
    String value = text(object, field);
    return value == null ? fallback : value;
  }

  /** JSON for messages, cut to one short line. */
  private static String abbreviate(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }

  /** A setup failure naming the file. */
  private XaiCamException problem(String reason) {
    return XaiCamException.setup(file + ": " + reason);
  }
}
