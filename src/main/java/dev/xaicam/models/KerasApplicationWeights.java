package dev.xaicam.models;

import dev.xaicam.XaiCamException;
import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.Map;

/**
 * A Keras Applications model's weights: {@code --weights}, the caches, or a verified download
 * ({@link WeightStore}), matched to the architecture's layers by name, or, when the file names
 * its layers otherwise (files saved by older Keras number unnamed layers from 1), by position as
 * Keras's own {@code load_weights} matches them.
 */
final class KerasApplicationWeights implements WeightSource {
  /** The file Keras publishes. */
  private final KerasWeightFile file;
  /** The architecture the weights are for, built on first use. */
  private final Supplier<GraphSpec> spec;
  /** Told how a download goes. */
  private final DownloadListener listener;

  /** Weights of {@code file} for {@code spec}; a download is reported to {@code listener}. */
  KerasApplicationWeights(KerasWeightFile file, Supplier<GraphSpec> spec, DownloadListener listener) {
    this.file = file;
    this.spec = spec;
    this.listener = listener;
  }

  @Override
  public ModelWeights load(Path explicit, boolean offline) {
    WeightStore.Config config = WeightStore.Config.of(file, offline, listener);
    Path source = new WeightStore(config).resolve(explicit);
    // The native-ready copy beside the downloads turns a multi-second HDF5 read into a mapping.
    return new WeightCache(config.toolCache()).load(source,
        path -> byKerasPosition(ModelGraph.of(spec.get()).weightShapes(),
            KerasModelFile.readWeightsOnly(path)),
        FiniteWeights::check);
  }

  @Override
  public long fileBytes() {
    return file.size();
  }

  @Override
  public List<String> status() {
    WeightStore.Config config = WeightStore.Config.of(file, true, DownloadListener.SILENT);
    String check = file.hashAlgorithm() == null ? "size checked; Keras records no hash"
        : file.hashAlgorithm().toLowerCase(Locale.ROOT).replace("-", "") + " checked";
    return List.of(
        "weights: " + config.toolFile() + presence(config.toolFile(), config.expectedSize()),
        "also read: " + config.kerasFile() + presence(config.kerasFile(), config.expectedSize()),
        "download: " + config.url() + " (" + (file.sizeRecorded()
            ? config.expectedSize() / 1_000_000 + " MB" : "size not recorded") + ", " + check + ")");
  }

  /**
   * {@code read} as it is when it names every layer that has weights; otherwise its layers with
   * weights, in file order, given to the graph's layers with weights in graph order (Keras's
   * order), as Keras loads a weights-only file. Shapes are checked later, naming the layer.
   *
   * @throws XaiCamException (setup) when the names differ and the counts of layers with weights
   *     differ too
   */
  static ModelWeights byKerasPosition(Map<String, List<int[]>> shapes, ModelWeights read) {
    List<String> expected = new ArrayList<>();
    shapes.forEach((name, list) -> {
      if (!list.isEmpty()) {
        expected.add(name);
      }
    });
    if (expected.stream().allMatch(read::has)) {
      return read;
    }
    List<List<WeightArray>> inFile = new ArrayList<>();
    read.byLayer().values().stream().filter(l -> !l.isEmpty()).forEach(inFile::add);
    if (inFile.size() != expected.size()) {
      String missing = expected.stream().filter(n -> !read.has(n)).findFirst().orElseThrow();
      throw XaiCamException.setup("weights: layer '" + missing + "' is missing and the file has "
          + inFile.size() + " layers with weights where the model has " + expected.size()
          + "; the weights do not fit");
    }
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    shapes.keySet().forEach(name -> byLayer.put(name, List.of()));
    for (int i = 0; i < expected.size(); i++) {
      byLayer.put(expected.get(i), inFile.get(i));
    }
    return new ModelWeights(byLayer);
  }

  /**
   * " (present)", " (absent)", or, for a file that is not {@code expectedSize} bytes long (a copy
   * cut short, another model's file), " (WRONG SIZE ...)" saying what to do; an
   * {@code expectedSize} of 0 (not recorded) takes any size.
   */
  static String presence(Path file, long expectedSize) {
    if (!Files.isRegularFile(file)) {
      return " (absent)";
    }
    long size;
    try {
      size = Files.size(file);
    } catch (java.io.IOException e) {
      return " (unreadable: " + e.getMessage() + ")";
    }
    return expectedSize == 0 || size == expectedSize ? " (present)" : " (WRONG SIZE: " + size + " bytes, expected "
        + expectedSize + "; delete it to download again)";
  }
}
