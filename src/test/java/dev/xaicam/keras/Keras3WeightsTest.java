package dev.xaicam.keras;

import static dev.xaicam.keras.KerasFixtures.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xaicam.XaiCamException;
import dev.xaicam.network.ModelWeights;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keras 3's class-derived weight keys and the {@code vars} groups under them. */
class Keras3WeightsTest {

  /** Fresh folder per test. */
  @TempDir Path dir;

  /** Keras's to_snake_case on the class names of the supported layers. */
  @ParameterizedTest
  @CsvSource({"Conv2D,conv2d", "BatchNormalization,batch_normalization", "ReLU,re_lu",
      "DepthwiseConv2D,depthwise_conv2d", "GlobalAveragePooling2D,global_average_pooling2d",
      "PReLU,p_re_lu", "Functional,functional", "Sequential,sequential", "Dense,dense",
      "SeparableConv2D,separable_conv2d", "ZeroPadding2D,zero_padding2d", "UpSampling2D,up_sampling2d"})
  void snakeCaseMatchesKeras(String className, String expected) {
    assertThat(Keras3Weights.snakeCase(className)).isEqualTo(expected);
  }

  /** Keys count per class in layer order; input placeholders take none. */
  @Test
  void keysArePerClassInLayerOrder() throws Exception {
    ConfigModel model = new ModelConfigParser(Path.of("m.keras"))
        .parse(new ObjectMapper().readTree(KerasConfigs.KERAS3_FUNCTIONAL));

    assertThat(Keras3Weights.keys(model)).containsOnlyKeys("conv2d", "conv2d_1", "add", "sequential", "dense");
    assertThat(Keras3Weights.keys(model).get("conv2d_1").name()).isEqualTo("conv2d_1");
    assertThat(Keras3Weights.keys(model).get("sequential").name()).isEqualTo("head");
  }

  /** Keras 2.13-2.15's archives keep layers under _layer_checkpoint_dependencies. */
  @Test
  void readsKeras213LayerGroupName() throws Exception {
    ModelWeights weights = read(hdf -> hdf.putGroup("_layer_checkpoint_dependencies")
        .putGroup("dense").putGroup("vars").putDataset("0", new float[] {1f, 2f}));

    assertThat(weights.of("dense")).containsExactly(new dev.xaicam.network.WeightArray(
        new int[] {2}, new float[] {1f, 2f}));
  }

  /** Variables come back in numeric, not lexical, order. */
  @Test
  void ordersVariablesNumerically() throws Exception {
    ModelWeights weights = read(hdf -> {
      WritableGroup vars = hdf.putGroup("layers").putGroup("dense").putGroup("vars");
      for (int i = 0; i < 11; i++) {
        vars.putDataset(String.valueOf(i), new float[] {i});
      }
    });

    assertThat(weights.of("dense")).extracting(a -> a.values()[0])
        .containsExactly(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f);
  }

  /** A group with weights whose key matches no layer is an error naming it. */
  @Test
  void rejectsUnknownKeyWithWeights() {
    assertFailure(hdf -> hdf.putGroup("layers").putGroup("conv2d_9").putGroup("vars")
        .putDataset("0", new float[] {1f}),
        "m.keras: weight group 'layers/conv2d_9' names no layer of the model config");
  }

  /** A name attribute naming no layer is an error too. */
  @Test
  void rejectsUnknownNameAttribute() {
    assertFailure(hdf -> {
      WritableGroup vars = hdf.putGroup("layers").putGroup("dense").putGroup("vars");
      vars.putAttribute("name", "dense_99");
      vars.putDataset("0", new float[] {1f});
    }, "m.keras: weight group 'layers/dense' names no layer of the model config");
  }

  /** Gaps in the variable numbers. */
  @Test
  void rejectsGapInVariables() {
    assertFailure(hdf -> {
      WritableGroup vars = hdf.putGroup("layers").putGroup("dense").putGroup("vars");
      vars.putDataset("0", new float[] {1f});
      vars.putDataset("2", new float[] {1f});
    }, "m.keras: 'layers/dense/vars' has variables [0, 2], not 0 to 1");
  }

  /** Reads weights written by {@code writer} against a one-Dense Sequential config. */
  private ModelWeights read(Consumer<WritableHdfFile> writer) throws Exception {
    Path h5 = dir.resolve("model.weights.h5");
    try (WritableHdfFile hdf = HdfFile.write(h5)) {
      writer.accept(hdf);
    }
    Path file = Path.of("m.keras");
    ConfigModel model = new ModelConfigParser(file).parse(new ObjectMapper().readTree("""
        {"class_name": "Sequential", "config": {"name": "s", "layers": [
          {"class_name": "InputLayer", "config": {"batch_shape": [null, 2], "name": "input_layer"}},
          {"class_name": "Dense", "config": {"name": "dense"}}]}}
        """));
    try (HdfFile hdf = new HdfFile(h5)) {
      return Keras3Weights.read(file, hdf, model);
    }
  }

  /** Asserts reading fails with a one-line setup error containing {@code fragment}. */
  private void assertFailure(Consumer<WritableHdfFile> writer, String fragment) {
    assertThatThrownBy(() -> read(writer))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_SETUP);
          assertThat(e.getMessage()).contains(fragment).doesNotContain("\n");
        });
  }
}
