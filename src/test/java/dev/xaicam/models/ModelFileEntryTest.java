package dev.xaicam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xaicam.keras.TestModelFiles;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.NodeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelFileEntry}: when a name is a file, the default preprocessing rule, the entry. */
class ModelFileEntryTest {
  @TempDir Path dir;

  /** A chain of nodes of these classes after an input. */
  private static GraphSpec chain(String... classes) {
    ObjectNode input = new ObjectMapper().createObjectNode();
    input.putArray("batch_input_shape").addNull().add(4).add(4).add(3);
    List<NodeSpec> nodes = new ArrayList<>();
    nodes.add(new NodeSpec("in", "InputLayer", input, List.of()));
    for (int i = 0; i < classes.length; i++) {
      nodes.add(new NodeSpec("n" + i, classes[i], null, List.of(nodes.get(i).name())));
    }
    return new GraphSpec("m", nodes, nodes.get(nodes.size() - 1).name());
  }

  @Test
  void aModelRescalesItselfWhenItsFirstWorkingLayerIsRescalingOrNormalization() {
    assertThat(ModelFileEntry.rescalesItself(chain("Rescaling", "Conv2D"))).isTrue();
    assertThat(ModelFileEntry.rescalesItself(chain("RandomFlip", "Normalization", "Conv2D"))).isTrue();
    assertThat(ModelFileEntry.rescalesItself(chain("Conv2D", "Rescaling"))).isFalse();
    assertThat(ModelFileEntry.rescalesItself(chain("Conv2D"))).isFalse();
  }

  @Test
  void namesWithPathsOrKerasExtensionsAreFiles() {
    assertThat(ModelFileEntry.looksLikeFile("my_model.h5")).isTrue();
    assertThat(ModelFileEntry.looksLikeFile("MODEL.KERAS")).isTrue();
    assertThat(ModelFileEntry.looksLikeFile("models/x")).isTrue();
    assertThat(ModelFileEntry.looksLikeFile("resnet50")).isFalse();
  }

  @Test
  void theEntryCarriesTheFilesGraphAndWeightsAndAsksForPreprocessing() {
    Path file = TestModelFiles.greySigmoid(dir.resolve("cnn.h5"));

    ModelCatalog.Entry entry = ModelFileEntry.of(file);

    assertThat(entry.name()).isEqualTo(file.toString());
    assertThat(entry.description()).contains("Keras 2.4.0");
    assertThat(entry.preprocessing()).isNull();
    assertThat(entry.labels()).isNull();
    assertThat(entry.spec().nodes()).extracting(NodeSpec::className)
        .containsExactly("InputLayer", "Conv2D", "MaxPooling2D", "Flatten", "Dense");
    assertThat(entry.weights().load(null, true).of("conv2d")).hasSize(2);
    assertThatThrownBy(() -> ModelFileEntry.of(dir.resolve("absent.h5")))
        .hasMessageStartingWith("--model " + dir.resolve("absent.h5") + ": no such model file");
  }

  /** A large model file's weights come from its copy the second time, the same values mapped. */
  @Test
  void aLargeModelFilesWeightsAreMappedFromItsCopyTheSecondTime() {
    Path file = TestModelFiles.greySigmoid(dir.resolve("cnn.h5"));
    ModelFileCache cache = new ModelFileCache(dir.resolve("copies"), 0, Long.MAX_VALUE);

    ModelWeights first = ModelFileEntry.of(file, cache).weights().load(null, true);
    ModelWeights second = ModelFileEntry.of(file, cache).weights().load(null, true);

    assertThat(second).isEqualTo(first).isEqualTo(ModelFileEntry.of(file).weights().load(null, true));
    assertThat(second.of("conv2d")).allMatch(array -> array.mappedBytes() != null);
    assertThat(new WeightCache(dir.resolve("copies")).fileFor(file)).isRegularFile();
  }
}
