package dev.xaicam.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xaicam.network.WeightArray;
import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real Keras files from public repositories (listed with source, commit, licence and sha256 in
 * {@code dev/real-keras-files.md}). They are not committed: the folder holding them is passed as
 * {@code -Dxaicam.realKeras=DIR}; without it these tests are skipped.
 */
@Tag("real-files")
class RealKerasFilesTest {

  /** The folder with the real files, or null. */
  private static final String FOLDER = System.getProperty("xaicam.realKeras");

  /**
   * Each file parses into one graph with the expected layer count, input shape, class count and
   * parameter count, and every weight belongs to a node.
   */
  @ParameterizedTest
  @CsvSource({
      "tm_waste_keras_model.h5, HDF5, 2.4.0, 158, 224, 224, 3, 4, 538708",
      "mnist_cnn_model.keras, KERAS_ARCHIVE, 3.15.1, 9, 28, 28, 1, 10, 225034"})
  void readsRealFile(String name, KerasFileFormat format, String version, int nodes, int height,
      int width, int channels, int classes, long parameters) {
    Path file = realFile(name);

    KerasModel model = KerasModelFile.read(file);

    assertThat(model.format()).isEqualTo(format);
    assertThat(model.kerasVersion()).isEqualTo(version);
    assertThat(model.graph().nodes()).hasSize(nodes);
    assertThat(model.input()).isEqualTo(new ModelInput(height, width, channels));
    assertThat(model.graph().node(model.graph().outputName()).config().get("units").asInt())
        .isEqualTo(classes);
    assertThat(model.weights().parameterCount()).isEqualTo(parameters);
    assertThat(model.weights().byLayer().keySet())
        .allSatisfy(node -> assertThat(model.graph().node(node)).isNotNull());
  }

  /**
   * The Teachable Machine export lists its MobileNetV2's moving statistics after all trainable
   * weights; each BatchNormalization node still gets gamma, beta, moving mean and moving
   * variance, compared with the datasets read directly by their names.
   */
  @ParameterizedTest
  @CsvSource({"bn_Conv1", "block_16_project_BN", "Conv_1_bn"})
  void teachableMachineBatchNormWeightsFollowTheirNames(String layer) throws Exception {
    Path file = realFile("tm_waste_keras_model.h5");

    List<WeightArray> weights = KerasModelFile.read(file).weights().of("sequential_1/model1/" + layer);

    try (HdfFile hdf = new HdfFile(file)) {
      List<String> variables = List.of("gamma", "beta", "moving_mean", "moving_variance");
      assertThat(weights).hasSize(4);
      for (int i = 0; i < 4; i++) {
        float[] stored = (float[]) hdf.getDatasetByPath(
            "model_weights/sequential_1/" + layer + "/" + variables.get(i) + ":0").getData();
        assertThat(weights.get(i).values()).containsExactly(stored);
      }
    }
  }

  /** The file in the real-files folder; skips the test when the folder is not given. */
  private static Path realFile(String name) {
    assumeTrue(FOLDER != null, "real Keras files not given (-Dxaicam.realKeras=DIR)");
    Path file = Path.of(FOLDER, name);
    assumeTrue(Files.isRegularFile(file), "absent: " + file);
    return file;
  }
}
