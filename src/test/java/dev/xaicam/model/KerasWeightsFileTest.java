package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.model.KerasWeightsFile.Layout;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips and failure reports of {@link KerasWeightsFile}. */
class KerasWeightsFileTest {

  /** Fresh folder per test. */
  @TempDir Path dir;

  /** A tiny VGG-like model: weightless input, conv, pooling and flatten around a conv and a dense layer. */
  static ModelWeights tinyModel() {
    Map<String, List<WeightArray>> layers = new LinkedHashMap<>();
    layers.put("input_1", List.of());
    layers.put("block1_conv1", List.of(counting(new int[] {2, 2, 1, 3}, 0f), counting(new int[] {3}, 100f)));
    layers.put("block1_pool", List.of());
    layers.put("flatten", List.of());
    layers.put("fc1", List.of(counting(new int[] {3, 2}, -7f), counting(new int[] {2}, 0.5f)));
    return new ModelWeights(layers);
  }

  /** Values start, start+0.25, start+0.5, ... so any misplaced element shows. */
  static WeightArray counting(int[] shape, float start) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = start + 0.25f * i;
    }
    return new WeightArray(shape, values);
  }

  /** Both layouts come back exactly: layer order, shapes, values, weightless layers. */
  @ParameterizedTest
  @EnumSource(Layout.class)
  void roundTripKeepsOrderShapesAndValues(Layout layout) {
    Path file = dir.resolve("w.h5");
    ModelWeights written = tinyModel();

    KerasWeightsFile.write(file, written, layout);
    ModelWeights read = KerasWeightsFile.read(file);

    assertThat(read.byLayer().keySet())
        .containsExactly("input_1", "block1_conv1", "block1_pool", "flatten", "fc1");
    assertThat(read.of("input_1")).isEmpty();
    assertThat(read.has("block1_pool")).isTrue();
    assertThat(read.of("block1_conv1")).containsExactlyElementsOf(written.of("block1_conv1"));
    assertThat(read.of("fc1")).containsExactlyElementsOf(written.of("fc1"));
    assertThat(read.of("block1_conv1").get(0).shape()).containsExactly(2, 2, 1, 3);
    assertThat(read.parameterCount()).isEqualTo(12 + 3 + 6 + 2);
    assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
  }

  /** The legacy layout uses Keras 1's dataset names directly in the layer group. */
  @Test
  void legacyLayoutUsesKeras1Names() throws Exception {
    Path file = dir.resolve("legacy.h5");
    KerasWeightsFile.write(file, tinyModel(), Layout.LEGACY);

    try (HdfFile hdf = new HdfFile(file)) {
      assertThat((String[]) hdf.getAttribute("layer_names").getData())
          .containsExactly("input_1", "block1_conv1", "block1_pool", "flatten", "fc1");
      assertThat(hdf.getAttribute("backend").getData()).isEqualTo("tensorflow");
      assertThat(hdf.getAttributes()).containsKey("keras_version");
      assertThat((String[]) hdf.getByPath("block1_conv1").getAttribute("weight_names").getData())
          .containsExactly("block1_conv1_W_1:0", "block1_conv1_b_1:0");
      Dataset kernel = hdf.getDatasetByPath("/block1_conv1/block1_conv1_W_1:0");
      assertThat(kernel.getDimensions()).containsExactly(2, 2, 1, 3);
      // Row-major: element [1][0][0][2] is flat index 1*6 + 0*3 + 0*3 + 2 = 8 -> 0.25 * 8.
      assertThat(((float[][][][]) kernel.getData())[1][0][0][2]).isEqualTo(2.0f);
      assertThat(hdf.getDatasetByPath("/fc1/fc1_b_1:0").getDimensions()).containsExactly(2);
      assertThat(hdf.getByPath("block1_pool").getAttributes()).doesNotContainKey("weight_names");
    }
  }

  /** The nested layout puts kernel:0 and bias:0 in a subgroup named after the layer. */
  @Test
  void nestedLayoutUsesKeras2Names() throws Exception {
    Path file = dir.resolve("nested.h5");
    KerasWeightsFile.write(file, tinyModel(), Layout.NESTED);

    try (HdfFile hdf = new HdfFile(file)) {
      assertThat((String[]) hdf.getByPath("fc1").getAttribute("weight_names").getData())
          .containsExactly("fc1/kernel:0", "fc1/bias:0");
      float[][] kernel = (float[][]) hdf.getDatasetByPath("/fc1/fc1/kernel:0").getData();
      assertThat(kernel[2]).containsExactly(-6.0f, -5.75f);
      assertThat((float[]) hdf.getDatasetByPath("/fc1/fc1/bias:0").getData()).containsExactly(0.5f, 0.75f);
    }
  }

  /** Writing replaces an existing file in place. */
  @Test
  void writeReplacesExistingFile() throws IOException {
    Path file = dir.resolve("w.h5");
    Files.writeString(file, "old");

    KerasWeightsFile.write(file, tinyModel(), Layout.LEGACY);

    assertThat(KerasWeightsFile.read(file).parameterCount()).isEqualTo(23);
  }

  /** A layer with three arrays has no Keras dataset names. */
  @Test
  void writeRejectsLayerWithThreeArrays() {
    WeightArray a = counting(new int[] {1}, 0f);
    ModelWeights weights = new ModelWeights(Map.of("bn", List.of(a, a, a)));

    assertThatThrownBy(() -> KerasWeightsFile.write(dir.resolve("w.h5"), weights, Layout.NESTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layer bn has 3 weight arrays");
  }

  /** Keras full-model files keep the same structure under model_weights. */
  @Test
  void readsFullModelFileUnderModelWeights() throws Exception {
    Path file = dir.resolve("full.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putAttribute("model_config", "{}");
      WritableGroup weights = hdf.putGroup("model_weights");
      weights.putAttribute("layer_names", new String[] {"dense"});
      WritableGroup layer = weights.putGroup("dense");
      layer.putAttribute("weight_names", new String[] {"dense/kernel:0"});
      layer.putGroup("dense").putDataset("kernel:0", new float[][] {{1f, 2f}, {3f, 4f}});
    }

    ModelWeights read = KerasWeightsFile.read(file);

    assertThat(read.of("dense")).containsExactly(new WeightArray(new int[] {2, 2}, new float[] {1f, 2f, 3f, 4f}));
  }

  /**
   * A file written by libhdf5 through h5py 3.7 the way Keras 1 writes weights: fixed-length byte
   * string attributes ({@code attrs['layer_names'] = [b'input_1', ...]}), weightless layers with
   * {@code attrs['weight_names'] = []} (an empty float64 array), kernels {@code arange * 0.5 - 1},
   * biases {@code arange + 10}. Guards against reading only what jHDF itself writes.
   */
  @Test
  void readsKeras1LayoutWrittenByH5py() throws Exception {
    Path file = Path.of(KerasWeightsFileTest.class.getResource("keras1_layout_h5py.hdf5").toURI());

    ModelWeights read = KerasWeightsFile.read(file);

    assertThat(read.byLayer().keySet()).containsExactly("input_1", "block1_conv1", "block1_pool", "fc1");
    assertThat(read.of("input_1")).isEmpty();
    assertThat(read.of("block1_pool")).isEmpty();
    WeightArray kernel = read.of("block1_conv1").get(0);
    assertThat(kernel.shape()).containsExactly(3, 3, 2, 4);
    for (int i = 0; i < kernel.values().length; i++) {
      assertThat(kernel.values()[i]).isEqualTo(i * 0.5f - 1f);
    }
    assertThat(read.of("block1_conv1").get(1).values()).containsExactly(10f, 11f, 12f, 13f);
    assertThat(read.of("fc1").get(0).shape()).containsExactly(5, 3);
    assertThat(read.of("fc1").get(1).values()).containsExactly(10f, 11f, 12f);
  }

  /** Written files get the umask's permissions, not the owner-only ones of a temp file. */
  @Test
  void writtenFileIsReadableByOthersUnderUsualUmask() throws IOException {
    Path file = dir.resolve("w.h5");
    Path plain = Files.createFile(dir.resolve("plain"));

    KerasWeightsFile.write(file, tinyModel(), Layout.NESTED);

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  /** Random bytes are not HDF5. */
  @Test
  void rejectsNonHdf5File() throws IOException {
    Path file = dir.resolve("random.h5");
    byte[] bytes = new byte[4096];
    new Random(1).nextBytes(bytes);
    Files.write(file, bytes);

    assertSetupFailure(file, "random.h5: not an HDF5 file; ");
  }

  /** A text file (for example an HTML error page saved as .h5) is not HDF5. */
  @Test
  void rejectsTextFile() throws IOException {
    Path file = dir.resolve("page.h5");
    Files.writeString(file, "<html><body>404 Not Found</body></html>\n", StandardCharsets.UTF_8);

    assertSetupFailure(file, "page.h5: not an HDF5 file; ");
  }

  /** An absent file is reported as such. */
  @Test
  void rejectsMissingFile() {
    assertSetupFailure(dir.resolve("absent.h5"), "absent.h5: weight file not found; ");
  }

  /** A file cut short inside the weight data is reported as truncated, not read as zeros. */
  @Test
  void rejectsTruncatedFile() throws IOException {
    Path whole = dir.resolve("whole.h5");
    Map<String, List<WeightArray>> layers = new LinkedHashMap<>();
    layers.put("dense", List.of(counting(new int[] {64, 64}, 1f), counting(new int[] {64}, 2f)));
    KerasWeightsFile.write(whole, new ModelWeights(layers), Layout.LEGACY);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.h5");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertSetupFailure(cut, String.format("cut.h5: truncated HDF5 file: %,d bytes, its header says %,d",
        bytes.length / 2, bytes.length));
  }

  /** An HDF5 file without layer_names is not a Keras weight file. */
  @Test
  void rejectsHdf5WithoutLayerNames() {
    Path file = dir.resolve("other.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putGroup("data").putDataset("x", new float[] {1f});
    }

    assertSetupFailure(file, "other.h5: HDF5 file without a 'layer_names' attribute");
  }

  /** weight_names naming an absent dataset is reported with the dataset's path. */
  @Test
  void rejectsMissingDataset() {
    Path file = dir.resolve("missing.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putAttribute("layer_names", new String[] {"fc1"});
      WritableGroup layer = hdf.putGroup("fc1");
      layer.putAttribute("weight_names", new String[] {"fc1_W_1:0", "fc1_b_1:0"});
      layer.putDataset("fc1_W_1:0", new float[][] {{1f}});
    }

    assertSetupFailure(file, "missing.h5: dataset 'fc1/fc1_b_1:0' listed in weight_names is missing");
  }

  /** Integer weights are refused rather than converted. */
  @Test
  void rejectsNonFloatData() {
    Path file = dir.resolve("ints.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putAttribute("layer_names", new String[] {"fc1"});
      WritableGroup layer = hdf.putGroup("fc1");
      layer.putAttribute("weight_names", new String[] {"fc1_W_1:0"});
      layer.putDataset("fc1_W_1:0", new int[] {1, 2});
    }

    assertSetupFailure(file, "ints.h5: dataset 'fc1/fc1_W_1:0' holds int data, expected float32");
  }

  /** The flat-to-nested conversion puts every element at its row-major position. */
  @Test
  void nestedPlacesElementsRowMajor() {
    float[][][] nested = (float[][][]) KerasWeightsFile.nested(counting(new int[] {2, 3, 4}, 0f));

    // [1][2][3] is flat index 1*12 + 2*4 + 3 = 23; [0][1][0] is 4.
    assertThat(nested[1][2][3]).isEqualTo(23 * 0.25f);
    assertThat(nested[0][1][0]).isEqualTo(4 * 0.25f);
  }

  /** Asserts a setup failure (exit 3) whose one-line message contains {@code fragment}. */
  private static void assertSetupFailure(Path file, String fragment) {
    assertThatThrownBy(() -> KerasWeightsFile.read(file))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_SETUP);
          assertThat(e.getMessage()).contains(fragment).doesNotContain("\n");
        });
  }
}
