package dev.xaicam.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Small graphs for network tests, written as Keras configs. */
final class TestGraphs {
  /** JSON for inline configs. */
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Static helpers only. */
  private TestGraphs() {}

  /** A top-level node. */
  static NodeSpec node(String name, String className, String config, String... inputs) {
    return nested(List.of(), name, className, config, inputs);
  }

  /** A node inside nested models {@code nesting}; its name is the path joined by '/'. */
  static NodeSpec nested(List<String> nesting, String name, String className, String config,
      String... inputs) {
    try {
      List<String> path = new ArrayList<>(nesting);
      path.add(name);
      return new NodeSpec(String.join("/", path), className, (ObjectNode) JSON.readTree(config),
          List.of(inputs), nesting);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(config, e);
    }
  }

  /** An InputLayer config for H x W x C images. */
  static String input(int h, int w, int c) {
    return "{\"batch_input_shape\":[null," + h + "," + w + "," + c + "]}";
  }

  /**
   * A branching graph on 6x6x2 images: {@code c0} (relu conv) feeds {@code c1}, {@code c2} and
   * the sum {@code add = c0 + c1 + c2}; then a 2x2 max pool, flatten and a dense head with
   * {@code activation} over {@code units} units.
   */
  static GraphSpec branching(String activation, int units) {
    return new GraphSpec("branching", List.of(
        node("in", "InputLayer", input(6, 6, 2)),
        node("c0", "Conv2D", "{\"filters\":3,\"kernel_size\":3,\"padding\":\"same\","
            + "\"activation\":\"tanh\"}", "in"),
        node("c1", "Conv2D", "{\"filters\":3,\"kernel_size\":3,\"padding\":\"same\","
            + "\"activation\":\"relu\"}", "c0"),
        node("c2", "Conv2D", "{\"filters\":3,\"kernel_size\":1,\"activation\":\"sigmoid\"}", "c0"),
        node("add", "Add", "{}", "c0", "c1", "c2"),
        node("pool", "MaxPooling2D", "{}", "add"),
        node("flatten", "Flatten", "{}", "pool"),
        node("out", "Dense", "{\"units\":" + units + ",\"activation\":\"" + activation + "\"}",
            "flatten")), "out");
  }
}
