package dev.xaicam.keras;

import static dev.xaicam.keras.KerasFixtures.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.keras.KerasFixtures.Named;
import dev.xaicam.keras.KerasFixtures.Vars;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.NodeSpec;
import dev.xaicam.network.WeightArray;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole Keras files in each on-disk form, read into graphs and weights, and their failures. */
class KerasModelFileTest {

  /** Fresh folder per test. */
  @TempDir Path dir;

  /** A tf.keras 2 Sequential file: its InputLayer first, a sigmoid head, grayscale input. */
  @Test
  void readsKeras2Sequential() {
    Path file = dir.resolve("cnn.h5");
    WeightArray kernel = counting(1f, 3, 3, 1, 2);
    WeightArray bias = counting(-1f, 2);
    WeightArray denseKernel = counting(5f, 18, 1);
    WeightArray denseBias = counting(9f, 1);
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("conv2d", List.of(new Named("conv2d/kernel:0", kernel), new Named("conv2d/bias:0", bias)));
    layers.put("max_pooling2d", List.of());
    layers.put("flatten", List.of());
    layers.put("dense", List.of(new Named("dense/kernel:0", denseKernel),
        new Named("dense/bias:0", denseBias)));
    KerasFixtures.fullModelH5(file, "2.4.0", KerasConfigs.KERAS2_SEQUENTIAL, layers, 1);

    KerasModel model = KerasModelFile.read(file);

    GraphSpec graph = model.graph();
    assertThat(names(graph)).containsExactly("conv2d_input", "conv2d", "max_pooling2d", "flatten", "dense");
    assertThat(graph.node("flatten").inputs()).containsExactly("max_pooling2d");
    assertThat(graph.node("conv2d").className()).isEqualTo("Conv2D");
    assertThat(graph.node("conv2d").config().get("filters").asInt()).isEqualTo(2);
    assertThat(graph.outputName()).isEqualTo("dense");
    assertThat(model.weights().of("conv2d")).containsExactly(kernel, bias);
    assertThat(model.weights().of("dense")).containsExactly(denseKernel, denseBias);
    assertThat(model.weights().has("max_pooling2d")).isTrue();
    assertThat(model.weights().of("max_pooling2d")).isEmpty();
    assertThat(model.input()).isEqualTo(new ModelInput(8, 8, 1));
    assertThat(model.format()).isEqualTo(KerasFileFormat.HDF5);
    assertThat(model.kerasVersion()).isEqualTo("2.4.0");
    assertThat(model.kerasMajorVersion()).isEqualTo(2);
  }

  /** Keras 2.2's bare-list Sequential without InputLayer gets the input node Keras would make. */
  @Test
  void readsKeras22BareListSequential() {
    Path file = dir.resolve("old.hdf5");
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("conv2d_1", List.of(new Named("conv2d_1/kernel:0", counting(0f, 3, 3, 3, 3)),
        new Named("conv2d_1/bias:0", counting(1f, 3))));
    layers.put("flatten_1", List.of());
    layers.put("dense_1", List.of(new Named("dense_1/kernel:0", counting(0f, 48, 2)),
        new Named("dense_1/bias:0", counting(0f, 2))));
    KerasFixtures.fullModelH5(file, "2.2.4", KerasConfigs.KERAS22_BARE_LIST, layers, 1);

    KerasModel model = KerasModelFile.read(file);

    assertThat(names(model.graph())).containsExactly("conv2d_1_input", "conv2d_1", "flatten_1", "dense_1");
    NodeSpec input = model.graph().nodes().get(0);
    assertThat(input.className()).isEqualTo("InputLayer");
    assertThat(input.config().get("batch_input_shape").toString()).isEqualTo("[null,6,6,3]");
    assertThat(model.graph().node("conv2d_1").inputs()).containsExactly("conv2d_1_input");
    assertThat(model.input()).isEqualTo(new ModelInput(6, 6, 3));
    assertThat(model.weights().parameterCount()).isEqualTo(81 + 3 + 96 + 2);
  }

  /**
   * A Teachable Machine shaped file: three levels of nesting, layer_names split in two, and the
   * nested model's weights listed trainable first, moving statistics last, yet each lands on
   * its own inner layer in Keras's order (gamma, beta, moving mean, moving variance).
   */
  @Test
  void flattensNestedModelsAndMapsTheirWeightsByName() {
    Path file = dir.resolve("keras_model.h5");
    Map<String, WeightArray> w = new LinkedHashMap<>();
    for (String name : List.of("bn_Conv1/gamma:0", "bn_Conv1/beta:0", "bn_Conv2/gamma:0",
        "bn_Conv2/beta:0", "bn_Conv1/moving_mean:0", "bn_Conv1/moving_variance:0",
        "bn_Conv2/moving_mean:0", "bn_Conv2/moving_variance:0")) {
      w.put(name, counting(10f * (w.size() + 1), 2));
    }
    WeightArray conv1 = counting(1f, 1, 1, 3, 2);
    WeightArray conv2 = counting(2f, 1, 1, 2, 2);
    List<Named> base = List.of(new Named("Conv1/kernel:0", conv1),
        named(w, "bn_Conv1/gamma:0"), named(w, "bn_Conv1/beta:0"),
        new Named("Conv2/kernel:0", conv2), named(w, "bn_Conv2/gamma:0"),
        named(w, "bn_Conv2/beta:0"), named(w, "bn_Conv1/moving_mean:0"),
        named(w, "bn_Conv1/moving_variance:0"), named(w, "bn_Conv2/moving_mean:0"),
        named(w, "bn_Conv2/moving_variance:0"));
    WeightArray head = counting(3f, 2, 2);
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("sequential_1", base);
    layers.put("sequential_3", List.of(new Named("dense_Dense1/kernel:0", head)));
    KerasFixtures.fullModelH5(file, "2.4.0", KerasConfigs.TEACHABLE_MACHINE, layers, 2);

    KerasModel model = KerasModelFile.read(file);

    GraphSpec graph = model.graph();
    assertThat(names(graph)).containsExactly("sequential_1_input", "sequential_1/model1/Conv1",
        "sequential_1/model1/bn_Conv1", "sequential_1/model1/Conv2", "sequential_1/model1/bn_Conv2",
        "sequential_1/model1/out_relu", "sequential_1/global_average_pooling2d",
        "sequential_3/dense_Dense1");
    assertThat(graph.node("sequential_1/model1/Conv1").inputs()).containsExactly("sequential_1_input");
    assertThat(graph.node("sequential_1/global_average_pooling2d").inputs())
        .containsExactly("sequential_1/model1/out_relu");
    assertThat(graph.node("sequential_3/dense_Dense1").inputs())
        .containsExactly("sequential_1/global_average_pooling2d");
    assertThat(graph.node("sequential_1/model1/out_relu").nesting())
        .containsExactly("sequential_1", "model1");
    assertThat(graph.node("sequential_1/model1/out_relu").shortName()).isEqualTo("out_relu");
    assertThat(graph.outputName()).isEqualTo("sequential_3/dense_Dense1");
    ModelWeights weights = model.weights();
    assertThat(weights.of("sequential_1/model1/Conv1")).containsExactly(conv1);
    assertThat(weights.of("sequential_1/model1/bn_Conv1")).containsExactly(w.get("bn_Conv1/gamma:0"),
        w.get("bn_Conv1/beta:0"), w.get("bn_Conv1/moving_mean:0"), w.get("bn_Conv1/moving_variance:0"));
    assertThat(weights.of("sequential_1/model1/bn_Conv2")).containsExactly(w.get("bn_Conv2/gamma:0"),
        w.get("bn_Conv2/beta:0"), w.get("bn_Conv2/moving_mean:0"), w.get("bn_Conv2/moving_variance:0"));
    assertThat(weights.of("sequential_3/dense_Dense1")).containsExactly(head);
    assertThat(weights.byLayer().keySet()).allSatisfy(name -> assertThat(graph.node(name)).isNotNull());
    assertThat(model.input()).isEqualTo(new ModelInput(6, 6, 3));
  }

  /**
   * A file libhdf5 wrote through h5py as tf.keras 2.9 does (dev/make-keras-fixtures.py): user
   * block, byte-string attributes, layer_names in three chunks, empty weight_names; each weight
   * is arange * 0.5 + its offset.
   */
  @Test
  void readsKeras2FunctionalWrittenByH5py() throws Exception {
    Path file = Path.of(KerasModelFileTest.class.getResource("keras2_functional_h5py.hdf5").toURI());

    KerasModel model = KerasModelFile.read(file);

    assertThat(names(model.graph()))
        .containsExactly("input_1", "conv", "bn", "add", "relu", "gap", "predictions");
    assertThat(model.graph().node("add").inputs()).containsExactly("input_1", "bn");
    assertThat(model.graph().name()).isEqualTo("residual");
    assertThat(model.kerasVersion()).isEqualTo("2.9.0");
    assertThat(model.input()).isEqualTo(new ModelInput(4, 4, 2));
    List<WeightArray> bn = model.weights().of("bn");
    assertThat(bn).extracting(a -> a.values()[0]).containsExactly(3f, 4f, 5f, 6f);
    WeightArray kernel = model.weights().of("conv").get(0);
    assertThat(kernel.shape()).containsExactly(2, 2, 2, 2);
    assertThat(kernel.values()[13]).isEqualTo(13 * 0.5f + 1f);
    assertThat(model.weights().of("predictions").get(1).values()).containsExactly(8f, 8.5f, 9f);
    assertThat(model.weights().of("add")).isEmpty();
  }

  /**
   * A Keras 3 archive: class-derived weight keys (conv2d, conv2d_1, a nested "sequential"), with
   * and without the vars name attributes Keras 3.6 added, gives the same graph and weights.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void readsKeras3Archive(boolean nameAttributes) {
    Path file = dir.resolve("model.keras");
    WeightArray k0 = counting(1f, 1, 1, 3, 2);
    WeightArray b0 = counting(2f, 2);
    WeightArray k1 = counting(3f, 1, 1, 3, 2);
    WeightArray k2 = counting(4f, 1, 1, 2, 4);
    WeightArray b2 = counting(5f, 4);
    WeightArray k3 = counting(6f, 4, 1);
    WeightArray b3 = counting(7f, 1);
    Map<String, Vars> vars = new LinkedHashMap<>();
    vars.put("layers/conv2d", new Vars(nameAttributes ? "conv2d" : null, List.of(k0, b0)));
    vars.put("layers/conv2d_1", new Vars(nameAttributes ? "conv2d_1" : null, List.of(k1)));
    vars.put("layers/add", new Vars(nameAttributes ? "add" : null, List.of()));
    vars.put("layers/sequential", new Vars(nameAttributes ? "head" : null, List.of()));
    vars.put("layers/sequential/layers/conv2d",
        new Vars(nameAttributes ? "inner_conv" : null, List.of(k2, b2)));
    vars.put("layers/dense", new Vars(nameAttributes ? "dense" : null, List.of(k3, b3)));
    vars.put("optimizer", new Vars(nameAttributes ? "adam" : null, List.of(counting(0f, 1))));
    KerasFixtures.archive(file, nameAttributes ? "3.6.0" : "3.3.3", KerasConfigs.KERAS3_FUNCTIONAL, vars);

    KerasModel model = KerasModelFile.read(file);

    GraphSpec graph = model.graph();
    assertThat(names(graph)).containsExactly("input_layer", "conv2d", "conv2d_1", "add",
        "head/inner_conv", "head/global_average_pooling2d", "dense");
    assertThat(graph.node("add").inputs()).containsExactly("conv2d", "conv2d_1");
    assertThat(graph.node("head/inner_conv").inputs()).containsExactly("add");
    assertThat(graph.node("head/inner_conv").nesting()).containsExactly("head");
    assertThat(graph.node("dense").inputs()).containsExactly("head/global_average_pooling2d");
    assertThat(model.weights().of("conv2d")).containsExactly(k0, b0);
    assertThat(model.weights().of("conv2d_1")).containsExactly(k1);
    assertThat(model.weights().of("head/inner_conv")).containsExactly(k2, b2);
    assertThat(model.weights().of("dense")).containsExactly(k3, b3);
    assertThat(model.weights().parameterCount()).isEqualTo(6 + 2 + 6 + 8 + 4 + 4 + 1);
    assertThat(model.format()).isEqualTo(KerasFileFormat.KERAS_ARCHIVE);
    assertThat(model.kerasMajorVersion()).isEqualTo(3);
    assertThat(model.input()).isEqualTo(new ModelInput(5, 5, 3));
  }

  /**
   * The weights' step is handed to the caller, for both containers: what it returns is the
   * model's weights, and the file's weights are read only if it runs the step.
   */
  @ParameterizedTest
  @ValueSource(strings = {"model.h5", "model.keras"})
  void theWeightsComeThroughTheCallersStep(String name) {
    Path file = dir.resolve(name);
    if (name.endsWith(".h5")) {
      TestModelFiles.greySigmoid(file);
    } else {
      KerasFixtures.archive(file, "3.3.3", KerasConfigs.KERAS3_FUNCTIONAL, Map.of());
    }
    ModelWeights kept = new ModelWeights(Map.of("kept", List.of(counting(1f, 2))));
    int[] stepsRun = {0};

    KerasModel viaKept = KerasModelFile.read(file, fromFile -> kept);

    assertThat(viaKept.weights()).isSameAs(kept);
    assertThat(viaKept.graph()).isEqualTo(KerasModelFile.read(file).graph());
    if (name.endsWith(".h5")) {
      KerasModel viaFile = KerasModelFile.read(file, fromFile -> {
        stepsRun[0]++;
        return fromFile.get();
      });
      assertThat(stepsRun[0]).isEqualTo(1);
      assertThat(viaFile.weights()).isEqualTo(KerasModelFile.read(file).weights());
    }
  }

  /** A damaged weight member of an archive still gets the archive's one line. */
  @Test
  void aDamagedArchiveWeightMemberIsNamedInOneLine() throws IOException {
    Path file = dir.resolve("model.keras");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("config.json"));
      zip.write(KerasConfigs.KERAS3_FUNCTIONAL.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("model.weights.h5"));
      zip.write("not HDF5 at all".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }

    assertThatThrownBy(() -> KerasModelFile.read(file, fromFile -> fromFile.get()))
        .isInstanceOf(XaiCamException.class)
        .hasMessageStartingWith(file + ": unreadable .keras archive (");
  }

  /** Keras 3 writing .h5: the legacy layout, weight names as variable paths without ":0". */
  @Test
  void readsKeras3LegacyH5() {
    Path file = dir.resolve("k3.h5");
    WeightArray kernel = counting(1f, 3, 3, 3, 2);
    WeightArray bias = counting(2f, 2);
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("input_layer", List.of());
    layers.put("conv2d", List.of(new Named("conv2d/kernel", kernel), new Named("conv2d/bias", bias)));
    layers.put("flatten", List.of());
    layers.put("dense", List.of(new Named("dense/kernel", counting(0f, 8, 2)),
        new Named("dense/bias", counting(0f, 2))));
    KerasFixtures.fullModelH5(file, "3.3.3", KerasConfigs.KERAS3_LEGACY_FUNCTIONAL, layers, 1);

    KerasModel model = KerasModelFile.read(file);

    assertThat(names(model.graph())).containsExactly("input_layer", "conv2d", "flatten", "dense");
    assertThat(model.weights().of("conv2d")).containsExactly(kernel, bias);
    assertThat(model.kerasMajorVersion()).isEqualTo(3);
    assertThat(model.format()).isEqualTo(KerasFileFormat.HDF5);
  }

  /** A Lambda (or any class) passes through: the graph network decides what it supports. */
  @Test
  void passesUnknownClassesThrough() {
    Path file = dir.resolve("lambda.h5");
    String config = KerasConfigs.KERAS2_SEQUENTIAL.replace("\"class_name\": \"Flatten\"",
        "\"class_name\": \"Lambda\"");
    KerasFixtures.fullModelH5(file, "2.4.0", config, Map.of("flatten", List.of()), 1);

    assertThat(KerasModelFile.read(file).graph().node("flatten").className()).isEqualTo("Lambda");
  }

  /** A weight group for a layer the config does not have is an error naming it. */
  @Test
  void rejectsWeightGroupOfUnknownLayer() {
    Path file = dir.resolve("ghost.h5");
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("ghost", List.of(new Named("ghost/kernel:0", counting(0f, 2))));
    KerasFixtures.fullModelH5(file, "2.4.0", KerasConfigs.KERAS2_SEQUENTIAL, layers, 1);

    assertSetupFailure(file, "ghost.h5: weight group 'ghost' names no layer of the model config");
  }

  /** A weights-only file given as a model says what it is and how to use it. */
  @Test
  void rejectsWeightsOnlyFileAsModel() {
    Path file = dir.resolve("weights.h5");
    KerasWeightsWriter.write(file, new ModelWeights(Map.of("fc1", List.of(counting(0f, 2, 2)))),
        KerasWeightsWriter.Layout.NESTED);

    assertSetupFailure(file, "weights.h5: holds weights only, no architecture (no model_config); "
        + "--weights pairs such files with a built-in model (--model vgg16 --weights FILE)");
  }

  /** Broken JSON in model_config. */
  @Test
  void rejectsBrokenConfigJson() {
    Path file = dir.resolve("broken.h5");
    KerasFixtures.fullModelH5(file, "2.4.0", "{\"class_name\": \"Sequential\", \"config\": {",
        Map.of("flatten", List.of()), 1);

    assertSetupFailure(file, "broken.h5: model_config is not valid JSON (");
  }

  /** An HDF5 file that is neither a model nor weights. */
  @Test
  void rejectsOtherHdf5() {
    Path file = dir.resolve("data.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putGroup("data").putDataset("x", new float[] {1f});
    }

    assertSetupFailure(file, "data.h5: an HDF5 file but not a Keras model (no model_config attribute)");
  }

  /** A model config without the weights group. */
  @Test
  void rejectsConfigWithoutWeights() {
    Path file = dir.resolve("arch.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putAttribute("model_config", KerasConfigs.KERAS2_SEQUENTIAL);
    }

    assertSetupFailure(file, "arch.h5: holds an architecture but no weights (no 'model_weights' group)");
  }

  /** An HDF5 model cut short. */
  @Test
  void rejectsTruncatedHdf5() throws IOException {
    Path whole = dir.resolve("whole.h5");
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("dense", List.of(new Named("dense/kernel:0", counting(0f, 64, 64))));
    KerasFixtures.fullModelH5(whole, "2.4.0", KerasConfigs.KERAS2_SEQUENTIAL, layers, 1);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.h5");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

    assertSetupFailure(cut, String.format("cut.h5: truncated HDF5 file: %,d bytes, its header says %,d",
        bytes.length / 2, bytes.length));
  }

  /** A .keras archive cut short. */
  @Test
  void rejectsTruncatedArchive() throws IOException {
    Path whole = dir.resolve("whole.keras");
    KerasFixtures.archive(whole, "3.3.3", KerasConfigs.KERAS3_FUNCTIONAL, Map.of());
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.keras");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 30));

    assertSetupFailure(cut, "cut.keras: damaged or truncated zip archive (");
  }

  /** A zip that is not a Keras archive. */
  @Test
  void rejectsZipWithoutConfig() throws IOException {
    Path file = dir.resolve("photos.keras");
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("cat.jpg"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }

    assertSetupFailure(file, "photos.keras: a zip archive without config.json, so not a Keras model archive");
  }

  /** An archive whose weights are in the npz form. */
  @Test
  void rejectsArchiveWithNpzWeights() throws IOException {
    Path file = dir.resolve("npz.keras");
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("config.json"));
      zip.write(KerasConfigs.KERAS3_FUNCTIONAL.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("model.weights.npz"));
      zip.closeEntry();
    }

    assertSetupFailure(file, "npz.keras: the archive has no model.weights.h5 (its weights are in "
        + "model.weights.npz, which xai-cam does not read)");
  }

  /** Neither HDF5 nor zip, whatever the name says. */
  @Test
  void rejectsRandomBytes() throws IOException {
    Path file = dir.resolve("model.h5");
    byte[] bytes = new byte[4096];
    new Random(1).nextBytes(bytes);
    Files.write(file, bytes);

    assertSetupFailure(file, "model.h5: not a Keras model file (neither HDF5 nor a .keras zip archive)");
  }

  /** A Git LFS pointer checked out in place of the model gets a hint. */
  @Test
  void explainsGitLfsPointer() throws IOException {
    Path file = dir.resolve("model.keras");
    Files.writeString(file, "version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 9\n");

    assertSetupFailure(file, "model.keras: not a Keras model file (neither HDF5 nor a .keras zip "
        + "archive); it is a Git LFS pointer: fetch the real file with 'git lfs pull'");
  }

  /** A missing file. */
  @Test
  void rejectsMissingFile() {
    assertSetupFailure(dir.resolve("absent.keras"), "absent.keras: model file not found");
  }

  /** A TensorFlow SavedModel folder. */
  @Test
  void rejectsSavedModelFolder() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("saved"));
    Files.write(folder.resolve("saved_model.pb"), new byte[] {0});

    assertSetupFailure(folder, "saved: is a folder holding a TensorFlow SavedModel, which xai-cam "
        + "cannot read; save the model with model.save(\"model.keras\")");
  }

  /** Every legacy layout of weights-only files reads back by layer name. */
  @Test
  void readsWeightsOnlyFilesInBothLegacyLayouts() {
    ModelWeights written = new ModelWeights(new LinkedHashMap<>(Map.of(
        "block1_conv1", List.of(counting(0f, 2, 2, 1, 3), counting(100f, 3)))));
    for (KerasWeightsWriter.Layout layout : KerasWeightsWriter.Layout.values()) {
      Path file = dir.resolve(layout + ".h5");
      KerasWeightsWriter.write(file, written, layout);

      assertThat(KerasModelFile.readWeightsOnly(file).of("block1_conv1"))
          .containsExactlyElementsOf(written.of("block1_conv1"));
    }
  }

  /** Keras 3's legacy weights-only names have no ":0". */
  @Test
  void readsKeras3WeightsOnlyNames() {
    Path file = dir.resolve("k3.weights.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      Map<String, List<Named>> layers = new LinkedHashMap<>();
      layers.put("fc1", List.of(new Named("fc1/kernel", counting(0f, 2, 2)),
          new Named("fc1/bias", counting(1f, 2))));
      KerasFixtures.legacyWeights(hdf, "3.1.0", layers, 1);
    }

    assertThat(KerasModelFile.readWeightsOnly(file).of("fc1"))
        .containsExactly(counting(0f, 2, 2), counting(1f, 2));
  }

  /** The weights of a full-model file, by layer name, for --weights. */
  @Test
  void readsWeightsOnlyFromFullModelFile() {
    Path file = dir.resolve("full.h5");
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("dense", List.of(new Named("dense/kernel:0", counting(1f, 2, 2))));
    KerasFixtures.fullModelH5(file, "2.4.0", KerasConfigs.KERAS2_SEQUENTIAL, layers, 1);

    assertThat(KerasModelFile.readWeightsOnly(file).of("dense")).containsExactly(counting(1f, 2, 2));
  }

  /**
   * A file written by libhdf5 through h5py 3.7 the way Keras 1 writes weights: fixed-length byte
   * string attributes, weightless layers with {@code weight_names = []}, kernels
   * {@code arange * 0.5 - 1}, biases {@code arange + 10}.
   */
  @Test
  void readsKeras1WeightsWrittenByH5py() throws Exception {
    Path file = Path.of(KerasModelFileTest.class.getResource("keras1_layout_h5py.hdf5").toURI());

    ModelWeights read = KerasModelFile.readWeightsOnly(file);

    assertThat(read.byLayer().keySet()).containsExactly("input_1", "block1_conv1", "block1_pool", "fc1");
    assertThat(read.of("block1_pool")).isEmpty();
    WeightArray kernel = read.of("block1_conv1").get(0);
    assertThat(kernel.shape()).containsExactly(3, 3, 2, 4);
    for (int i = 0; i < kernel.values().length; i++) {
      assertThat(kernel.values()[i]).isEqualTo(i * 0.5f - 1f);
    }
    assertThat(read.of("fc1").get(1).values()).containsExactly(10f, 11f, 12f);
  }

  /** Weights-only failures keep the --weights hint. */
  @Test
  void weightsOnlyFailuresNameFileAndHint() throws IOException {
    Path random = dir.resolve("random.h5");
    byte[] bytes = new byte[4096];
    new Random(1).nextBytes(bytes);
    Files.write(random, bytes);
    Path other = dir.resolve("other.h5");
    try (WritableHdfFile hdf = HdfFile.write(other)) {
      hdf.putGroup("data").putDataset("x", new float[] {1f});
    }
    Path missingDataset = dir.resolve("missing.h5");
    try (WritableHdfFile hdf = HdfFile.write(missingDataset)) {
      hdf.putAttribute("layer_names", new String[] {"fc1"});
      WritableGroup layer = hdf.putGroup("fc1");
      layer.putAttribute("weight_names", new String[] {"fc1_W_1:0", "fc1_b_1:0"});
      layer.putDataset("fc1_W_1:0", new float[][] {{1f}});
    }
    Path ints = dir.resolve("ints.h5");
    try (WritableHdfFile hdf = HdfFile.write(ints)) {
      hdf.putAttribute("layer_names", new String[] {"fc1"});
      WritableGroup layer = hdf.putGroup("fc1");
      layer.putAttribute("weight_names", new String[] {"fc1_W_1:0"});
      layer.putDataset("fc1_W_1:0", new int[] {1, 2});
    }

    assertWeightsFailure(dir.resolve("absent.h5"), "absent.h5: weight file not found; ");
    assertWeightsFailure(random, "random.h5: not an HDF5 file; ");
    assertWeightsFailure(other, "other.h5: HDF5 file without a 'layer_names' attribute");
    assertWeightsFailure(missingDataset, "missing.h5: dataset 'fc1/fc1_b_1:0' listed in weight_names is missing");
    assertWeightsFailure(ints, "ints.h5: dataset 'fc1/fc1_W_1:0' holds int data, expected float32");
  }

  /** Node names in graph order. */
  private static List<String> names(GraphSpec graph) {
    return graph.nodes().stream().map(NodeSpec::name).toList();
  }

  /** The weight called {@code name} from {@code weights}, named. */
  private static Named named(Map<String, WeightArray> weights, String name) {
    return new Named(name, weights.get(name));
  }

  /** Asserts a setup failure (exit 3) of read whose one-line message contains {@code fragment}. */
  private static void assertSetupFailure(Path file, String fragment) {
    assertThatThrownBy(() -> KerasModelFile.read(file))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_SETUP);
          assertThat(e.getMessage()).contains(fragment).doesNotContain("\n");
        });
  }

  /** Asserts a setup failure of readWeightsOnly that names the file and keeps the hint. */
  private static void assertWeightsFailure(Path file, String fragment) {
    assertThatThrownBy(() -> KerasModelFile.readWeightsOnly(file))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_SETUP);
          assertThat(e.getMessage()).contains(fragment).contains("give --weights a Keras HDF5 weight file")
              .doesNotContain("\n");
        });
  }
}
