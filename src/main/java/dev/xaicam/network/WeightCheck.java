package dev.xaicam.network;

import dev.xaicam.XaiCamException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Checks a model's weights against what each layer of its graph expects, before any upload. */
final class WeightCheck {

  /** Static checks only. */
  private WeightCheck() {}

  /**
   * Fails on the first layer whose weights are missing, too many or too few, or misshapen.
   *
   * @throws XaiCamException (setup) naming the layer, the weight's role, expected and actual shape
   */
  static void check(ModelGraph graph, ModelWeights weights) {
    for (int i = 0; i < graph.size(); i++) {
      NodeSpec node = graph.node(i);
      String layer = "weights: layer '" + node.name() + "' (" + node.className() + ")";
      List<WeightSpec> expected = graph.layer(i).weights();
      List<WeightArray> actual = weights.of(node.name());
      if (expected.isEmpty()) {
        if (!actual.isEmpty()) {
          throw XaiCamException.setup(layer + " has " + actual.size() + " arrays but "
              + graph.name() + " expects none");
        }
        continue;
      }
      if (!weights.has(node.name())) {
        throw XaiCamException.setup(layer + " is missing; the weights do not fit "
            + graph.name());
      }
      if (actual.size() != expected.size()) {
        throw XaiCamException.setup(layer + " has " + actual.size() + " arrays but "
            + graph.name() + " expects " + expected.size() + " (" + roles(expected) + ")");
      }
      for (int w = 0; w < expected.size(); w++) {
        if (!Arrays.equals(actual.get(w).shape(), expected.get(w).shape())) {
          throw XaiCamException.setup(layer + " " + expected.get(w).role() + " has shape "
              + actual.get(w).shapeText() + " but " + graph.name() + " expects "
              + LayerConfig.shapeText(expected.get(w).shape()));
        }
      }
    }
  }

  /** The roles, comma-separated. */
  private static String roles(List<WeightSpec> specs) {
    List<String> roles = new ArrayList<>();
    specs.forEach(s -> roles.add(s.role()));
    return String.join(", ", roles);
  }
}
