package dev.xaicam.keras;

import dev.xaicam.XaiCamException;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Weights in the layout of a {@code .keras} archive's {@code model.weights.h5}: a model's layers
 * sit in its group {@code layers} (Keras 2.13 to 2.15: {@code _layer_checkpoint_dependencies}),
 * each under a key made from its class name, not its own name: the class name in snake case,
 * made unique per class in the order the model lists its layers ({@code conv2d},
 * {@code conv2d_1}, ...). A plain layer's variables are datasets {@code vars/0}, {@code vars/1},
 * ... (trainable ones first); a nested model's group holds its own {@code layers}. Since Keras 3.6
 * each {@code vars} group also carries the layer's name as attribute {@code name}, which is
 * preferred when present.
 */
final class Keras3Weights {

  /** Names Keras has given the group of a model's layers. */
  private static final List<String> LAYER_GROUPS = List.of("layers", "_layer_checkpoint_dependencies");

  /** The file, for messages. */
  private final Path file;
  /** Weights found so far, by node name. */
  private final Map<String, List<WeightArray>> byNode = new LinkedHashMap<>();

  /** A reader reporting problems against {@code file}. */
  private Keras3Weights(Path file) {
    this.file = file;
  }

  /**
   * The weights of {@code model} by graph node name.
   *
   * @throws XaiCamException (setup) for a weight group that names no layer of the model config
   */
  static ModelWeights read(Path file, Group root, ConfigModel model) {
    Keras3Weights reader = new Keras3Weights(file);
    reader.readModel(root, model, "", "");
    return new ModelWeights(reader.byNode);
  }

  /** The layers of one (possibly nested) model, whose group is {@code group}. */
  private void readModel(Group group, ConfigModel model, String prefix, String where) {
    Group layersGroup = null;
    String layersName = null;
    for (String name : LAYER_GROUPS) {
      if (group.getChildren().get(name) instanceof Group g) {
        layersGroup = g;
        layersName = name;
        break;
      }
    }
    if (layersGroup == null) {
      return;
    }
    Map<String, ConfigLayer> byKey = keys(model);
    for (Map.Entry<String, Node> child : layersGroup.getChildren().entrySet()) {
      String childWhere = where + layersName + "/" + child.getKey();
      if (!(child.getValue() instanceof Group layerGroup)) {
        continue;
      }
      ConfigLayer layer = layerOf(layerGroup, child.getKey(), byKey, model);
      if (layer == null) {
        if (holdsData(layerGroup)) {
          throw problem("weight group '" + childWhere + "' names no layer of the model config");
        }
        continue;
      }
      if (layer.isInput()) {
        continue;
      }
      if (layer.nested() != null) {
        readModel(layerGroup, layer.nested(), layer.path(prefix), childWhere + "/");
      } else if (layerGroup.getChildren().get("vars") instanceof Group vars) {
        byNode.put(layer.path(prefix), variables(vars, childWhere + "/vars"));
      }
    }
  }

  /**
   * The layer a group belongs to: by the {@code name} attribute Keras 3.6+ writes on
   * {@code vars}, else by the class-derived key.
   */
  private static ConfigLayer layerOf(Group layerGroup, String key, Map<String, ConfigLayer> byKey,
      ConfigModel model) {
    if (layerGroup.getChildren().get("vars") instanceof Group vars) {
      String name = Hdf5Access.string(vars, "name");
      if (name != null) {
        return model.layer(name);
      }
    }
    return byKey.get(key);
  }

  /**
   * The key Keras saves each layer under: its class name in snake case, with {@code _1},
   * {@code _2}, ... for the second and later layers of a class, in the model's layer order. Input
   * placeholders are left out: they hold no weights, Sequential models do not track them, and
   * their key ({@code input_layer}) collides with no other class.
   */
  static Map<String, ConfigLayer> keys(ConfigModel model) {
    Map<String, ConfigLayer> byKey = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (ConfigLayer layer : model.layers()) {
      if (layer.isInput()) {
        continue;
      }
      String base = snakeCase(layer.className());
      Integer count = seen.get(base);
      seen.put(base, count == null ? 0 : count + 1);
      byKey.put(count == null ? base : base + "_" + (count + 1), layer);
    }
    return byKey;
  }

  /**
   * Keras's {@code to_snake_case}: drop non-word characters, then split before each capitalised
   * word and between a lower-case letter and a capital ({@code Conv2D} -> {@code conv2d},
   * {@code BatchNormalization} -> {@code batch_normalization}, {@code ReLU} -> {@code re_lu}).
   */
  static String snakeCase(String className) {
    String name = className.replaceAll("\\W+", "");
    name = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** The datasets {@code 0}, {@code 1}, ... of a {@code vars} group, in numeric order. */
  private List<WeightArray> variables(Group vars, String where) {
    TreeMap<Integer, WeightArray> ordered = new TreeMap<>();
    for (Map.Entry<String, Node> entry : vars.getChildren().entrySet()) {
      if (!(entry.getValue() instanceof Dataset dataset) || !entry.getKey().matches("\\d+")) {
        throw problem("'" + where + "/" + entry.getKey() + "' is not a numbered variable");
      }
      ordered.put(Integer.parseInt(entry.getKey()),
          Hdf5Access.readWeight(file, where + "/" + entry.getKey(), dataset));
    }
    if (!ordered.isEmpty() && ordered.lastKey() != ordered.size() - 1) {
      throw problem("'" + where + "' has variables " + ordered.keySet() + ", not 0 to "
          + (ordered.size() - 1));
    }
    return new ArrayList<>(ordered.values());
  }

  /** Whether any dataset sits anywhere under {@code group}. */
  private static boolean holdsData(Group group) {
    for (Node node : group.getChildren().values()) {
      if (node instanceof Dataset || node instanceof Group g && holdsData(g)) {
        return true;
      }
    }
    return false;
  }

  /** A setup failure naming the file. */
  private XaiCamException problem(String reason) {
    return XaiCamException.setup(file + ": " + reason);
  }
}
