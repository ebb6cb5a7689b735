package dev.xaicam.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xaicam.XaiCamException;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.NodeSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flattening model configs into one graph. */
class GraphFlattenerTest {

  /** Nested Functional inside a Functional: inner input wired to the outer feed, output stands in. */
  @Test
  void wiresNestedFunctionalIntoOuterGraph() {
    GraphSpec graph = flatten("""
        {"class_name": "Functional", "config": {"name": "outer", "layers": [
          {"class_name": "InputLayer", "name": "image", "config": {"batch_shape": [null, 4, 4, 3]},
           "inbound_nodes": []},
          {"class_name": "Rescaling", "name": "rescale", "config": {},
           "inbound_nodes": [[["image", 0, 0, {}]]]},
          {"class_name": "Functional", "name": "base", "config": {"name": "base", "layers": [
            {"class_name": "InputLayer", "name": "input_1", "config": {}, "inbound_nodes": []},
            {"class_name": "Conv2D", "name": "conv", "config": {}, "inbound_nodes": [[["input_1", 0, 0, {}]]]},
            {"class_name": "ReLU", "name": "out_relu", "config": {}, "inbound_nodes": [[["conv", 0, 0, {}]]]}],
            "input_layers": [["input_1", 0, 0]], "output_layers": [["out_relu", 0, 0]]},
           "inbound_nodes": [[["rescale", 0, 0, {}]]]},
          {"class_name": "GlobalAveragePooling2D", "name": "gap", "config": {},
           "inbound_nodes": [[["base", 1, 0, {}]]]},
          {"class_name": "Dense", "name": "out", "config": {}, "inbound_nodes": [[["gap", 0, 0, {}]]]}],
          "input_layers": [["image", 0, 0]], "output_layers": [["out", 0, 0]]}}
        """);

    assertThat(names(graph)).containsExactly("image", "rescale", "base/conv", "base/out_relu", "gap", "out");
    assertThat(graph.node("base/conv").inputs()).containsExactly("rescale");
    assertThat(graph.node("gap").inputs()).containsExactly("base/out_relu");
    assertThat(graph.node("base/conv").nesting()).containsExactly("base");
    assertThat(graph.node("gap").nesting()).isEmpty();
  }

  /** A Sequential whose first layer is a nested model: the nested model's input is the graph's. */
  @Test
  void nestedFirstLayerProvidesTheInput() {
    GraphSpec graph = flatten("""
        {"class_name": "Sequential", "config": {"name": "s", "layers": [
          {"class_name": "Model", "config": {"name": "vgg", "layers": [
            {"class_name": "InputLayer", "name": "input_1", "config": {"batch_input_shape": [null, 8, 8, 3]},
             "inbound_nodes": []},
            {"class_name": "Conv2D", "name": "block1_conv1", "config": {},
             "inbound_nodes": [[["input_1", 0, 0, {}]]]}],
            "input_layers": [["input_1", 0, 0]], "output_layers": [["block1_conv1", 0, 0]]}},
          {"class_name": "Flatten", "config": {"name": "flatten"}},
          {"class_name": "Dense", "config": {"name": "dense"}}]}}
        """);

    assertThat(names(graph)).containsExactly("vgg/input_1", "vgg/block1_conv1", "flatten", "dense");
    assertThat(graph.node("flatten").inputs()).containsExactly("vgg/block1_conv1");
    assertThat(graph.node("vgg/input_1").nesting()).containsExactly("vgg");
  }

  /** Keras 3 Sequential without InputLayer but with build_input_shape. */
  @Test
  void impliedInputFromBuildInputShape() {
    GraphSpec graph = flatten("""
        {"class_name": "Sequential", "config": {"name": "s", "build_input_shape": [null, 4, 4, 1],
          "layers": [{"class_name": "Conv2D", "config": {"name": "conv2d", "dtype": "float32"}}]}}
        """);

    NodeSpec input = graph.nodes().get(0);
    assertThat(input.name()).isEqualTo("conv2d_input");
    assertThat(input.className()).isEqualTo("InputLayer");
    assertThat(input.config().toString())
        .isEqualTo("{\"batch_shape\":[null,4,4,1],\"dtype\":\"float32\",\"name\":\"conv2d_input\"}");
  }

  /** Layers listed before their inputs come out after them; otherwise config order is kept. */
  @Test
  void ordersNodesTopologically() {
    GraphSpec graph = flatten("""
        {"class_name": "Functional", "config": {"name": "m", "layers": [
          {"class_name": "InputLayer", "name": "in", "config": {}, "inbound_nodes": []},
          {"class_name": "Add", "name": "sum", "config": {}, "inbound_nodes": [[["a", 0, 0, {}], ["b", 0, 0, {}]]]},
          {"class_name": "Conv2D", "name": "b", "config": {}, "inbound_nodes": [[["in", 0, 0, {}]]]},
          {"class_name": "Conv2D", "name": "a", "config": {}, "inbound_nodes": [[["in", 0, 0, {}]]]}],
          "input_layers": [["in", 0, 0]], "output_layers": [["sum", 0, 0]]}}
        """);

    assertThat(names(graph)).containsExactly("in", "b", "a", "sum");
  }

  /** A layer called twice cannot become one node. */
  @Test
  void rejectsSharedLayer() {
    assertFailure("""
        {"class_name": "Functional", "config": {"name": "m", "layers": [
          {"class_name": "InputLayer", "name": "in", "config": {}, "inbound_nodes": []},
          {"class_name": "Dense", "name": "d", "config": {},
           "inbound_nodes": [[["in", 0, 0, {}]], [["d", 0, 0, {}]]]}],
          "input_layers": [["in", 0, 0]], "output_layers": [["d", 1, 0]]}}
        """, "m.h5: layer 'd' (Dense) of model 'm' is shared: it is called 2 times");
  }

  /** Two image inputs. */
  @Test
  void rejectsSeveralInputs() {
    assertFailure("""
        {"class_name": "Functional", "config": {"name": "m", "layers": [
          {"class_name": "InputLayer", "name": "a", "config": {}, "inbound_nodes": []},
          {"class_name": "InputLayer", "name": "b", "config": {}, "inbound_nodes": []},
          {"class_name": "Add", "name": "s", "config": {}, "inbound_nodes": [[["a", 0, 0, {}], ["b", 0, 0, {}]]]}],
          "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["s", 0, 0]]}}
        """, "m.h5: model 'm' has 2 inputs; xai-cam explains models with one image input");
  }

  /** Two outputs. */
  @Test
  void rejectsSeveralOutputs() {
    assertFailure("""
        {"class_name": "Functional", "config": {"name": "m", "layers": [
          {"class_name": "InputLayer", "name": "a", "config": {}, "inbound_nodes": []},
          {"class_name": "Dense", "name": "d", "config": {}, "inbound_nodes": [[["a", 0, 0, {}]]]}],
          "input_layers": [["a", 0, 0]], "output_layers": [["d", 0, 0], ["a", 0, 0]]}}
        """, "m.h5: model 'm' has 2 outputs; xai-cam explains models with one output");
  }

  /** A reference to a layer the model lacks. */
  @Test
  void rejectsUnknownReference() {
    assertFailure("""
        {"class_name": "Functional", "config": {"name": "m", "layers": [
          {"class_name": "InputLayer", "name": "a", "config": {}, "inbound_nodes": []},
          {"class_name": "Dense", "name": "d", "config": {}, "inbound_nodes": [[["zz", 0, 0, {}]]]}],
          "input_layers": [["a", 0, 0]], "output_layers": [["d", 0, 0]]}}
        """, "m.h5: model 'm' refers to layer 'zz', which it does not contain");
  }

  /** A second output of a layer. */
  @Test
  void rejectsSecondOutputOfLayer() {
    assertFailure("""
        {"class_name": "Functional", "config": {"name": "m", "layers": [
          {"class_name": "InputLayer", "name": "a", "config": {}, "inbound_nodes": []},
          {"class_name": "Dense", "name": "d", "config": {}, "inbound_nodes": [[["a", 0, 1, {}]]]}],
          "input_layers": [["a", 0, 0]], "output_layers": [["d", 0, 0]]}}
        """, "m.h5: model 'm' uses output 1 of layer 'a'; xai-cam supports single-output layers only");
  }

  /** A Sequential that was never built has no input shape. */
  @Test
  void rejectsSequentialWithoutInputShape() {
    assertFailure("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
        + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\"}}]}}",
        "m.h5: Sequential model 's' declares no input shape (its first layer 'd' has no "
            + "batch_input_shape), so it was never built");
  }

  /** Flattens config text. */
  private static GraphSpec flatten(String config) {
    try {
      Path file = Path.of("m.h5");
      return GraphFlattener.flatten(file, new ModelConfigParser(file).parse(new ObjectMapper().readTree(config)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Node names in order. */
  private static List<String> names(GraphSpec graph) {
    return graph.nodes().stream().map(NodeSpec::name).toList();
  }

  /** Asserts flattening fails with a one-line setup error containing {@code fragment}. */
  private static void assertFailure(String config, String fragment) {
    assertThatThrownBy(() -> flatten(config))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_SETUP);
          assertThat(e.getMessage()).contains(fragment).doesNotContain("\n");
        });
  }
}
