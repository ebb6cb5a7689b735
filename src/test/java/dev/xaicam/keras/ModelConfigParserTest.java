package dev.xaicam.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xaicam.XaiCamException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The config dialects Keras has written, parsed into the same model tree. */
class ModelConfigParserTest {

  /** Parser under test. */
  private final ModelConfigParser parser = new ModelConfigParser(Path.of("m.h5"));

  /** Keras 2's nested-list inbound nodes, several inputs for a merge layer. */
  @Test
  void readsKeras2InboundNodes() throws Exception {
    ConfigModel model = parser.parse(json("""
        {"class_name": "Model", "config": {"name": "m", "layers": [
          {"class_name": "InputLayer", "name": "in", "config": {"batch_input_shape": [null, 2, 2, 1]},
           "inbound_nodes": []},
          {"class_name": "Conv2D", "name": "c", "config": {}, "inbound_nodes": [[["in", 0, 0, {}]]]},
          {"class_name": "Concatenate", "name": "cat", "config": {},
           "inbound_nodes": [[["in", 0, 0, {}], ["c", 0, 0, {}]]]}],
          "input_layers": [["in", 0, 0]], "output_layers": [["cat", 0, 0]]}}
        """));

    assertThat(model.sequential()).isFalse();
    assertThat(model.className()).isEqualTo("Model");
    assertThat(model.layer("cat").calls()).containsExactly(java.util.List.of(
        new TensorRef("in", 0, 0), new TensorRef("c", 0, 0)));
    assertThat(model.inputs()).containsExactly(new TensorRef("in", 0, 0));
    assertThat(model.outputs()).containsExactly(new TensorRef("cat", 0, 0));
  }

  /** Keras 1's three-element references and Keras 3's single (unwrapped) input/output references. */
  @Test
  void readsShortReferencesAndUnwrappedInputs() throws Exception {
    ConfigModel model = parser.parse(json("""
        {"class_name": "Functional", "config": {"name": "m", "layers": [
          {"class_name": "InputLayer", "name": "in", "config": {}, "inbound_nodes": []},
          {"class_name": "Dense", "name": "d", "config": {}, "inbound_nodes": [[["in", 0, 0]]]}],
          "input_layers": ["in", 0, 0], "output_layers": ["d", 0, 0]}}
        """));

    assertThat(model.layer("d").calls().get(0)).containsExactly(new TensorRef("in", 0, 0));
    assertThat(model.inputs()).containsExactly(new TensorRef("in", 0, 0));
    assertThat(model.outputs()).containsExactly(new TensorRef("d", 0, 0));
  }

  /** Keras 3's args: tensors found inside lists, in order; kwargs without tensors add nothing. */
  @Test
  void readsKeras3Args() throws Exception {
    ConfigModel model = parser.parse(json(KerasConfigs.KERAS3_FUNCTIONAL));

    assertThat(model.layer("add").calls().get(0))
        .containsExactly(new TensorRef("conv2d", 0, 0), new TensorRef("conv2d_1", 0, 0));
    assertThat(model.layer("head").calls().get(0)).containsExactly(new TensorRef("add", 0, 0));
    ConfigModel head = model.layer("head").nested();
    assertThat(head.sequential()).isTrue();
    assertThat(head.layers()).extracting(ConfigLayer::name)
        .containsExactly("input_layer_1", "inner_conv", "global_average_pooling2d");
    assertThat(head.buildInputShape().toString()).isEqualTo("[null,5,5,2]");
  }

  /** The bare-list Sequential of Keras 2.2 and the {"layers": ...} form read alike. */
  @Test
  void readsBothSequentialForms() throws Exception {
    ConfigModel bare = parser.parse(json(KerasConfigs.KERAS22_BARE_LIST));
    ConfigModel named = parser.parse(json(KerasConfigs.KERAS2_SEQUENTIAL));

    assertThat(bare.sequential()).isTrue();
    assertThat(bare.name()).isEqualTo("sequential");
    assertThat(bare.layers()).extracting(ConfigLayer::name).containsExactly("conv2d_1", "flatten_1", "dense_1");
    assertThat(named.name()).isEqualTo("sequential");
    assertThat(named.layers().get(0).isInput()).isTrue();
    assertThat(named.layers().get(1).config().get("filters").asInt()).isEqualTo(2);
  }

  /** Nested models become nested trees; plain layers have none. */
  @Test
  void readsNestedModels() throws Exception {
    ConfigModel model = parser.parse(json(KerasConfigs.TEACHABLE_MACHINE));

    ConfigModel inner = model.layer("sequential_1").nested();
    assertThat(inner.layer("model1").nested().layer("bn_Conv1").className()).isEqualTo("BatchNormalization");
    assertThat(inner.layer("global_average_pooling2d").nested()).isNull();
  }

  /** A subclassed model has no layers to read. */
  @Test
  void rejectsSubclassedModel() {
    assertFailure("{\"class_name\": \"Model\", \"config\": {\"name\": \"my_model\", \"trainable\": true}}",
        "m.h5: model 'my_model' (Model) lists no layers: it is a subclassed Keras model");
  }

  /** A top-level class that is not a model. */
  @Test
  void rejectsNonModelTopLevel() {
    assertFailure("{\"class_name\": \"Dense\", \"config\": {}}",
        "m.h5: the model is a 'Dense', not a Sequential or Functional model");
  }

  /** Malformed references. */
  @Test
  void rejectsMalformedReference() {
    assertFailure("""
        {"class_name": "Functional", "config": {"name": "m", "layers": [
          {"class_name": "Dense", "name": "d", "config": {}, "inbound_nodes": [[["in", "x"]]]}],
          "input_layers": [["in", 0, 0]], "output_layers": [["d", 0, 0]]}}
        """, "m.h5: 'd' has a malformed tensor reference: [\"in\",\"x\"]");
  }

  /** A layer without a class. */
  @Test
  void rejectsLayerWithoutClass() {
    assertFailure("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [{\"config\": {}}]}}",
        "m.h5: model 's' has a layer without 'class_name'");
  }

  /** Parses JSON text. */
  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  /** Asserts the config fails with a one-line setup error containing {@code fragment}. */
  private void assertFailure(String config, String fragment) {
    assertThatThrownBy(() -> parser.parse(json(config)))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_SETUP);
          assertThat(e.getMessage()).contains(fragment).doesNotContain("\n");
        });
  }
}
