package dev.xaicam.keras;

import static dev.xaicam.keras.KerasFixtures.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xaicam.XaiCamException;
import dev.xaicam.keras.KerasFixtures.Named;
import dev.xaicam.network.ModelWeights;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assigning legacy HDF5 weight groups to graph nodes. */
class LegacyH5WeightsTest {

  /**
   * Sequential "outer" holding Sequential "pair", which holds Functional models "a" and "b"
   * with an equally named layer "conv" each, then Dense "head".
   */
  private static final String TWO_CONVS = """
      {"class_name": "Sequential", "config": {"name": "outer", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [null, 2, 2, 1], "name": "in"}},
        {"class_name": "Sequential", "config": {"name": "pair", "layers": [
          {"class_name": "Functional", "config": {"name": "a", "layers": [
            {"class_name": "InputLayer", "name": "ia", "config": {}, "inbound_nodes": []},
            {"class_name": "Conv2D", "name": "conv", "config": {}, "inbound_nodes": [[["ia", 0, 0, {}]]]}],
            "input_layers": [["ia", 0, 0]], "output_layers": [["conv", 0, 0]]}},
          {"class_name": "Functional", "config": {"name": "b", "layers": [
            {"class_name": "InputLayer", "name": "ib", "config": {}, "inbound_nodes": []},
            {"class_name": "Conv2D", "name": "conv", "config": {}, "inbound_nodes": [[["ib", 0, 0, {}]]]}],
            "input_layers": [["ib", 0, 0]], "output_layers": [["conv", 0, 0]]}}]}},
        {"class_name": "Dense", "config": {"name": "head"}}]}}
      """;

  /** Fresh folder per test. */
  @TempDir Path dir;

  /** Scopes in the weight names tell equally named inner layers apart. */
  @Test
  void scopesChooseBetweenEquallyNamedLayers() throws Exception {
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("pair", List.of(new Named("pair/a/conv/kernel", counting(1f, 1)),
        new Named("pair/b/conv/kernel", counting(2f, 1))));
    layers.put("head", List.of(new Named("head/kernel", counting(3f, 1))));

    ModelWeights weights = read(layers);

    assertThat(weights.of("pair/a/conv")).containsExactly(counting(1f, 1));
    assertThat(weights.of("pair/b/conv")).containsExactly(counting(2f, 1));
    assertThat(weights.of("head")).containsExactly(counting(3f, 1));
  }

  /** Without scopes the name is ambiguous, and that is said rather than guessed. */
  @Test
  void rejectsAmbiguousInnerName() {
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("pair", List.of(new Named("conv/kernel:0", counting(1f, 1))));

    assertFailure(layers, "w.h5: weight 'conv/kernel:0' of nested model 'pair' matches several "
        + "layers [pair/a/conv, pair/b/conv] of the model config");
  }

  /** A nested weight naming no inner layer. */
  @Test
  void rejectsInnerNameOfNoLayer() {
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("pair", List.of(new Named("dense_7/kernel:0", counting(1f, 1))));

    assertFailure(layers, "w.h5: weight 'dense_7/kernel:0' of nested model 'pair' matches no layer "
        + "of the model config");
  }

  /** A nested weight without a layer part. */
  @Test
  void rejectsInnerNameWithoutLayer() {
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("pair", List.of(new Named("kernel:0", counting(1f, 1))));

    assertFailure(layers, "w.h5: weight 'kernel:0' of nested model 'pair' does not name the layer it belongs to");
  }

  /** Keras 3's model-level variables fit no layer. */
  @Test
  void rejectsTopLevelModelWeights() throws Exception {
    Path file = dir.resolve("w.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      KerasFixtures.legacyWeights(hdf, "2.15.0", Map.of("head", List.of()), 1);
      WritableGroup top = hdf.putGroup("top_level_model_weights");
      top.putAttribute("weight_names", new String[] {"seed"});
      top.putDataset("seed", new float[] {0f});
    }
    ConfigModel model = new ModelConfigParser(file).parse(new ObjectMapper().readTree(TWO_CONVS));

    try (HdfFile hdf = new HdfFile(file)) {
      assertThatThrownBy(() -> new LegacyH5Weights(file, hdf).byNode(model))
          .isInstanceOf(XaiCamException.class)
          .hasMessageContaining("w.h5: group 'top_level_model_weights' holds model-level weights, which "
        + "belong to no layer");
    }
  }

  /** Weights by the file's own layer names keep the file's order. */
  @Test
  void byFileLayerKeepsFileOrder() throws Exception {
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("z", List.of(new Named("z/kernel:0", counting(1f, 1))));
    layers.put("a", List.of());
    Path file = write(layers);

    try (HdfFile hdf = new HdfFile(file)) {
      ModelWeights weights = new LegacyH5Weights(file, hdf).byFileLayer();

      assertThat(weights.byLayer().keySet()).containsExactly("z", "a");
      assertThat(weights.of("a")).isEmpty();
    }
  }

  /** Writes {@code layers} in the legacy layout at the root of w.h5. */
  private Path write(Map<String, List<Named>> layers) {
    Path file = dir.resolve("w.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      KerasFixtures.legacyWeights(hdf, "3.3.3", layers, 1);
    }
    return file;
  }

  /** Reads {@code layers} against the TWO_CONVS config. */
  private ModelWeights read(Map<String, List<Named>> layers) throws Exception {
    Path file = write(layers);
    ConfigModel model = new ModelConfigParser(file).parse(new ObjectMapper().readTree(TWO_CONVS));
    try (HdfFile hdf = new HdfFile(file)) {
      return new LegacyH5Weights(file, hdf).byNode(model);
    }
  }

  /** Asserts reading fails with a one-line setup error containing {@code fragment}. */
  private void assertFailure(Map<String, List<Named>> layers, String fragment) {
    assertThatThrownBy(() -> read(layers))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_SETUP);
          assertThat(e.getMessage()).contains(fragment).doesNotContain("\n");
        });
  }
}
