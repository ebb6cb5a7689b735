package dev.xaicam.keras;

import dev.xaicam.XaiCamException;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights in Keras's legacy HDF5 layout (the {@code model_weights} group of a full-model file,
 * or the root of a weights-only file): attribute {@code layer_names} lists the top-level layers,
 * and each layer's group lists its datasets in attribute {@code weight_names}.
 *
 * <p>A nested model is one entry whose {@code weight_names} are the weights of all its inner
 * layers, trainable ones first and non-trainable ones (such as BatchNormalization's moving
 * statistics) after, so they are assigned to inner layers by name ({@code bn_Conv1/gamma:0}
 * belongs to {@code bn_Conv1}), never by position.
 */
final class LegacyH5Weights {

  /** Group holding the model-level variables Keras 3 writes beside the layers. */
  private static final String TOP_LEVEL_GROUP = "top_level_model_weights";

  /** A plain layer inside a nested model, with the nested models enclosing it. */
  private record InnerLayer(String node, String name, List<String> enclosing) {}

  /** The file, for messages. */
  private final Path file;
  /** The group holding {@code layer_names}. */
  private final Group root;

  /** A reader of the legacy layout rooted at {@code root}. */
  LegacyH5Weights(Path file, Group root) {
    this.file = file;
    this.root = root;
  }

  /** The top-level layer names in the file's order. */
  List<String> layerNames() {
    return Hdf5Access.strings(root, "layer_names");
  }

  /**
   * Every layer's weights by its name in the file, in the file's order (weights-only files, which
   * have no architecture to map nested models into).
   */
  ModelWeights byFileLayer() {
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    for (String layer : layerNames()) {
      byLayer.put(layer, read(layer, weightNames(layer)));
    }
    return new ModelWeights(byLayer);
  }

  /**
   * The weights by graph node name: top-level layers take their datasets in order, as Keras loads
   * them; a nested model's datasets go to its inner layers by name.
   *
   * @throws XaiCamException (setup) for a weight group that names no layer of {@code model}, or a
   *     nested-model weight that matches no inner layer (or several)
   */
  ModelWeights byNode(ConfigModel model) {
    Map<String, List<WeightArray>> byNode = new LinkedHashMap<>();
    for (String name : layerNames()) {
      List<String> weightNames = weightNames(name);
      ConfigLayer layer = model.layer(name);
      if (layer == null) {
        if (!weightNames.isEmpty()) {
          throw problem("weight group '" + name + "' names no layer of the model config");
        }
        continue;
      }
      List<WeightArray> arrays = read(name, weightNames);
      if (layer.nested() == null) {
        byNode.put(layer.path(""), arrays);
      } else {
        assignByName(layer, weightNames, arrays, byNode);
      }
    }
    checkNoTopLevelWeights();
    return new ModelWeights(byNode);
  }

  /** Puts each weight of a nested model's group under the inner layer its name names. */
  private void assignByName(ConfigLayer nestedModel, List<String> weightNames,
      List<WeightArray> arrays, Map<String, List<WeightArray>> byNode) {
    List<InnerLayer> inner = new ArrayList<>();
    collectInner(nestedModel, "", List.of(), inner);
    for (int i = 0; i < weightNames.size(); i++) {
      InnerLayer owner = owner(nestedModel.name(), weightNames.get(i), inner);
      byNode.computeIfAbsent(owner.node(), k -> new ArrayList<>()).add(arrays.get(i));
    }
  }

  /** Every plain layer inside {@code model} (any depth), with its node name. */
  private static void collectInner(ConfigLayer model, String prefix, List<String> enclosing,
      List<InnerLayer> out) {
    String path = model.path(prefix);
    List<String> inside = new ArrayList<>(enclosing);
    inside.add(model.name());
    for (ConfigLayer layer : model.nested().layers()) {
      if (layer.nested() != null) {
        collectInner(layer, path, inside, out);
      } else if (!layer.isInput()) {
        out.add(new InnerLayer(layer.path(path), layer.name(), List.copyOf(inside)));
      }
    }
  }

  /**
   * The inner layer a weight name belongs to: Keras names variables
   * {@code [scopes/]layer/variable[:0]}, so the next-to-last part is the layer's own name; the
   * scopes, when present, choose between equally named layers of different nested models.
   */
  private InnerLayer owner(String nestedName, String weightName, List<InnerLayer> inner) {
    String[] parts = weightName.replaceFirst(":\\d+$", "").split("/");
    if (parts.length < 2) {
      throw problem("weight '" + weightName + "' of nested model '" + nestedName
          + "' does not name the layer it belongs to");
    }
    String layerName = parts[parts.length - 2];
    List<String> scopes = Arrays.asList(parts).subList(0, parts.length - 2);
    List<InnerLayer> matches = inner.stream().filter(l -> l.name().equals(layerName)).toList();
    List<InnerLayer> scoped = matches.stream()
        .filter(l -> scopes.containsAll(l.enclosing().subList(1, l.enclosing().size()))).toList();
    if (matches.size() > 1 && scoped.size() == 1) {
      return scoped.get(0);
    }
    if (matches.size() != 1) {
      throw problem("weight '" + weightName + "' of nested model '" + nestedName + "' matches "
          + (matches.isEmpty() ? "no layer" : "several layers " + matches.stream()
              .map(InnerLayer::node).toList()) + " of the model config");
    }
    return matches.get(0);
  }

  /** Keras 3 keeps model-level variables apart; image classifiers have none, and they fit no layer. */
  private void checkNoTopLevelWeights() {
    Node topLevel = root.getChildren().get(TOP_LEVEL_GROUP);
    if (topLevel instanceof Group group && !Hdf5Access.strings(group, "weight_names").isEmpty()) {
      throw problem("group '" + TOP_LEVEL_GROUP + "' holds model-level weights, which belong to "
          + "no layer");
    }
  }

  /** The {@code weight_names} of one layer's group. */
  private List<String> weightNames(String layer) {
    Node node = root.getChildren().get(layer);
    if (!(node instanceof Group layerGroup)) {
      throw problem("layer '" + layer + "' is listed in layer_names but has no group");
    }
    return Hdf5Access.strings(layerGroup, "weight_names");
  }

  /** The datasets {@code weightNames} lists for one layer, in that order. */
  private List<WeightArray> read(String layer, List<String> weightNames) {
    Group layerGroup = (Group) root.getChildren().get(layer);
    List<WeightArray> arrays = new ArrayList<>();
    for (String weightName : weightNames) {
      if (!(Hdf5Access.child(layerGroup, weightName) instanceof Dataset dataset)) {
        throw problem("dataset '" + layer + "/" + weightName
            + "' listed in weight_names is missing");
      }
      arrays.add(Hdf5Access.readWeight(file, layer + "/" + weightName, dataset));
    }
    return arrays;
  }

  /** A setup failure naming the file. */
  private XaiCamException problem(String reason) {
    return XaiCamException.setup(file + ": " + reason);
  }
}
