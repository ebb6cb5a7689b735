package dev.xaicam.keras;

import static dev.xaicam.keras.KerasFixtures.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.TemporaryFile;
import dev.xaicam.architectures.ResNet50;
import dev.xaicam.keras.KerasWeightsWriter.Layout;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writing weights-only files in Keras's legacy layouts, and reading them back. */
class KerasWeightsWriterTest {

  /** Fresh folder per test. */
  @TempDir Path dir;

  /** A tiny VGG-like model: weightless input, pooling and flatten around a conv and a dense layer. */
  static ModelWeights tinyModel() {
    Map<String, List<WeightArray>> layers = new LinkedHashMap<>();
    layers.put("input_1", List.of());
    layers.put("block1_conv1", List.of(counting(0f, 2, 2, 1, 3), counting(100f, 3)));
    layers.put("block1_pool", List.of());
    layers.put("flatten", List.of());
    layers.put("fc1", List.of(counting(-7f, 3, 2), counting(0.5f, 2)));
    return new ModelWeights(layers);
  }

  /** Both layouts come back exactly: layer order, shapes, values; weightless layers left out. */
  @ParameterizedTest
  @EnumSource(Layout.class)
  void roundTripKeepsOrderShapesAndValues(Layout layout) {
    Path file = dir.resolve("w.h5");
    ModelWeights written = tinyModel();

    KerasWeightsWriter.write(file, written, layout);
    ModelWeights read = KerasModelFile.readWeightsOnly(file);

    assertThat(read.byLayer().keySet()).containsExactly("block1_conv1", "fc1");
    assertThat(read.has("block1_pool")).isFalse();
    assertThat(read.of("block1_conv1")).containsExactlyElementsOf(written.of("block1_conv1"));
    assertThat(read.of("fc1")).containsExactlyElementsOf(written.of("fc1"));
    assertThat(read.parameterCount()).isEqualTo(12 + 3 + 6 + 2);
    assertThat(dir).isDirectoryNotContaining("glob:**" + TemporaryFile.PREFIX + "*");
  }

  /** The legacy layout uses Keras 1's dataset names directly in the layer group. */
  @Test
  void legacyLayoutUsesKeras1Names() throws Exception {
    Path file = dir.resolve("legacy.h5");
    KerasWeightsWriter.write(file, tinyModel(), Layout.LEGACY);

    try (HdfFile hdf = new HdfFile(file)) {
      assertThat((String[]) hdf.getAttribute("layer_names").getData())
          .containsExactly("block1_conv1", "fc1");
      assertThat(hdf.getAttribute("backend").getData()).isEqualTo("tensorflow");
      assertThat(hdf.getAttribute("keras_version").getData()).isEqualTo("1.2.2");
      assertThat((String[]) hdf.getByPath("block1_conv1").getAttribute("weight_names").getData())
          .containsExactly("block1_conv1_W_1:0", "block1_conv1_b_1:0");
      Dataset kernel = hdf.getDatasetByPath("/block1_conv1/block1_conv1_W_1:0");
      assertThat(kernel.getDimensions()).containsExactly(2, 2, 1, 3);
      // Row-major: element [1][0][0][2] is flat index 1*6 + 0*3 + 0*3 + 2 = 8 -> 0.25 * 8.
      assertThat(((float[][][][]) kernel.getData())[1][0][0][2]).isEqualTo(2.0f);
      assertThat(hdf.getChildren().keySet()).containsExactlyInAnyOrder("block1_conv1", "fc1");
    }
  }

  /** The nested layout puts kernel:0 and bias:0 in a subgroup named after the layer. */
  @Test
  void nestedLayoutUsesKeras2Names() throws Exception {
    Path file = dir.resolve("nested.h5");
    KerasWeightsWriter.write(file, tinyModel(), Layout.NESTED);

    try (HdfFile hdf = new HdfFile(file)) {
      assertThat((String[]) hdf.getByPath("fc1").getAttribute("weight_names").getData())
          .containsExactly("fc1/kernel:0", "fc1/bias:0");
      float[][] kernel = (float[][]) hdf.getDatasetByPath("/fc1/fc1/kernel:0").getData();
      assertThat(kernel[2]).containsExactly(-6.0f, -5.75f);
      assertThat((float[]) hdf.getDatasetByPath("/fc1/fc1/bias:0").getData()).containsExactly(0.5f, 0.75f);
    }
  }

  /**
   * ResNet50's layer names put the weightless {@code conv4_block2_1_relu} right after the last
   * dataset in jHDF's (hash) writing order, where jHDF 0.9.4 then wrote its version string over
   * the group's header: the file did not open. Weightless layers now get no group.
   */
  @Test
  void aModelWhoseWeightlessLayerJhdfWroteLastReadsBack() {
    Map<String, List<WeightArray>> layers = new LinkedHashMap<>();
    ModelGraph.of(ResNet50.spec()).weightShapes().forEach((layer, shapes) ->
        layers.put(layer, shapes.isEmpty() ? List.of() : List.of(counting(1f, 1))));
    ModelWeights written = new ModelWeights(layers);
    Path file = dir.resolve("resnet50-names.h5");

    KerasWeightsWriter.write(file, written, Layout.NESTED);

    assertThat(KerasModelFile.readWeightsOnly(file)).isEqualTo(written.withoutWeightlessLayers());
  }

  /** Writing replaces an existing file in place. */
  @Test
  void writeReplacesExistingFile() throws IOException {
    Path file = dir.resolve("w.h5");
    Files.writeString(file, "old");

    KerasWeightsWriter.write(file, tinyModel(), Layout.LEGACY);

    assertThat(KerasModelFile.readWeightsOnly(file).parameterCount()).isEqualTo(23);
  }

  /** A layer with three arrays has no Keras dataset names. */
  @Test
  void writeRejectsLayerWithThreeArrays() {
    WeightArray a = counting(0f, 1);
    ModelWeights weights = new ModelWeights(Map.of("bn", List.of(a, a, a)));

    assertThatThrownBy(() -> KerasWeightsWriter.write(dir.resolve("w.h5"), weights, Layout.NESTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layer bn has 3 weight arrays");
  }

  /** Written files get the umask's permissions, not the owner-only ones of a temp file. */
  @Test
  void writtenFileIsReadableByOthersUnderUsualUmask() throws IOException {
    Path file = dir.resolve("w.h5");
    Path plain = Files.createFile(dir.resolve("plain"));

    KerasWeightsWriter.write(file, tinyModel(), Layout.NESTED);

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  /** The flat-to-nested conversion puts every element at its row-major position. */
  @Test
  void nestedPlacesElementsRowMajor() {
    float[][][] nested = (float[][][]) KerasWeightsWriter.nested(counting(0f, 2, 3, 4));

    // [1][2][3] is flat index 1*12 + 2*4 + 3 = 23; [0][1][0] is 4.
    assertThat(nested[1][2][3]).isEqualTo(23 * 0.25f);
    assertThat(nested[0][1][0]).isEqualTo(4 * 0.25f);
  }
}
