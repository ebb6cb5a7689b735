package dev.xaicam.keras;

import dev.xaicam.network.WeightArray;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes Keras model files in their real on-disk layouts with jHDF and java.util.zip, so tests
 * need neither Python nor Keras: the legacy full-model HDF5 of Keras 2 (and of Keras 3, which
 * drops the {@code :0} suffixes) and the {@code .keras} archive of Keras 3. jHDF writes strings
 * as fixed-length byte strings, as Keras 2's {@code .encode("utf8")} does; it cannot write an
 * empty attribute, so weightless layers get no {@code weight_names}, which Keras reads as none,
 * and Keras 3's empty {@code top_level_model_weights} group is left out (jHDF 0.9.4 cannot read
 * back an empty group written after groups holding datasets; libhdf5's are read fine).
 */
final class KerasFixtures {

  /** One weight as a legacy file names it ({@code conv2d/kernel:0}). */
  record Named(String name, WeightArray array) {}

  /** One {@code vars} group of a {@code .keras} weights file: the optional name attribute and the variables. */
  record Vars(String nameAttribute, List<WeightArray> variables) {}

  /** Not instantiable. */
  private KerasFixtures() {}

  /**
   * A full-model HDF5 file as Keras 2's {@code save_model_to_hdf5} writes it.
   *
   * @param layers the layer groups under {@code model_weights}, in {@code layer_names} order
   * @param kerasVersion the version stamped on the file
   * @param layerNameChunks how many {@code layer_names0, 1, ...} chunks to split the names into
   *     (Keras splits past 64,512 bytes); 1 writes the plain attribute
   */
  static void fullModelH5(Path file, String kerasVersion, String modelConfig,
      Map<String, List<Named>> layers, int layerNameChunks) {
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putAttribute("backend", "tensorflow");
      hdf.putAttribute("keras_version", kerasVersion);
      hdf.putAttribute("model_config", modelConfig);
      WritableGroup weights = hdf.putGroup("model_weights");
      legacyWeights(weights, kerasVersion, layers, layerNameChunks);
    }
  }

  /** The legacy weights layout (layer_names, per-layer weight_names and datasets) into {@code group}. */
  static void legacyWeights(WritableGroup group, String kerasVersion,
      Map<String, List<Named>> layers, int layerNameChunks) {
    String[] names = layers.keySet().toArray(String[]::new);
    if (layerNameChunks == 1) {
      group.putAttribute("layer_names", names);
    } else {
      // numpy's array_split: the first (n % chunks) chunks get one extra element.
      int start = 0;
      for (int chunk = 0; chunk < layerNameChunks; chunk++) {
        int size = names.length / layerNameChunks + (chunk < names.length % layerNameChunks ? 1 : 0);
        group.putAttribute("layer_names" + chunk, Arrays.copyOfRange(names, start, start + size));
        start += size;
      }
    }
    group.putAttribute("backend", "tensorflow");
    group.putAttribute("keras_version", kerasVersion);
    for (Map.Entry<String, List<Named>> layer : layers.entrySet()) {
      WritableGroup layerGroup = group.putGroup(layer.getKey());
      if (layer.getValue().isEmpty()) {
        continue;
      }
      layerGroup.putAttribute("weight_names",
          layer.getValue().stream().map(Named::name).toArray(String[]::new));
      for (Named weight : layer.getValue()) {
        putDataset(layerGroup, weight.name(), weight.array());
      }
    }
  }

  /**
   * A {@code .keras} archive as Keras 3's {@code saving_lib} writes it: {@code metadata.json},
   * {@code config.json} and {@code model.weights.h5}.
   *
   * @param vars {@code vars} groups by the path of their owner ({@code layers/conv2d},
   *     {@code layers/functional/layers/dense})
   */
  static void archive(Path file, String kerasVersion, String config, Map<String, Vars> vars) {
    try {
      Path h5 = Files.createTempFile(file.getParent(), "weights", ".h5");
      try (WritableHdfFile hdf = HdfFile.write(h5)) {
        Map<String, WritableGroup> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Vars> entry : vars.entrySet()) {
          WritableGroup owner = group(hdf, groups, entry.getKey());
          WritableGroup varsGroup = owner.putGroup("vars");
          if (entry.getValue().nameAttribute() != null) {
            varsGroup.putAttribute("name", entry.getValue().nameAttribute());
          }
          List<WeightArray> variables = entry.getValue().variables();
          for (int i = 0; i < variables.size(); i++) {
            varsGroup.putDataset(String.valueOf(i), KerasWeightsWriter.nested(variables.get(i)));
          }
        }
      }
      try (OutputStream out = Files.newOutputStream(file);
          ZipOutputStream zip = new ZipOutputStream(out)) {
        member(zip, "metadata.json", ("{\"keras_version\": \"" + kerasVersion
            + "\", \"date_saved\": \"2024-05-01@12:00:00\"}").getBytes(StandardCharsets.UTF_8));
        member(zip, "config.json", config.getBytes(StandardCharsets.UTF_8));
        member(zip, "model.weights.h5", Files.readAllBytes(h5));
      }
      Files.delete(h5);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Values start, start+0.25, start+0.5, ... so any misplaced element shows. */
  static WeightArray counting(float start, int... shape) {
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

  /** One stored zip member. */
  private static void member(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  /** The group at slash-separated {@code path}, creating missing parents (jHDF has no getter). */
  private static WritableGroup group(WritableHdfFile hdf, Map<String, WritableGroup> groups, String path) {
    WritableGroup current = null;
    StringBuilder sofar = new StringBuilder();
    for (String part : path.split("/")) {
      sofar.append('/').append(part);
      WritableGroup parent = current;
      current = groups.computeIfAbsent(sofar.toString(),
          k -> parent == null ? hdf.putGroup(part) : parent.putGroup(part));
    }
    return current;
  }

  /** A dataset at a slash-separated path below {@code group}, creating the groups on the way. */
  private static void putDataset(WritableGroup group, String path, WeightArray array) {
    String[] parts = path.split("/");
    WritableGroup current = group;
    for (int i = 0; i < parts.length - 1; i++) {
      current = current.getChild(parts[i]) instanceof WritableGroup existing
          ? existing : current.putGroup(parts[i]);
    }
    current.putDataset(parts[parts.length - 1], KerasWeightsWriter.nested(array));
  }
}
