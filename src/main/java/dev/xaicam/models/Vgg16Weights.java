package dev.xaicam.models;

import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.network.ModelWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * VGG16's weights: {@code --weights}, the caches, or a verified download ({@link WeightStore}),
 * read through the {@link WeightCache}.
 */
final class Vgg16Weights implements WeightSource {
  /** Told how a download goes. */
  private final DownloadListener listener;

  /** Weights whose download, if one is needed, is reported to {@code listener}. */
  Vgg16Weights(DownloadListener listener) {
    this.listener = listener;
  }

  @Override
  public ModelWeights load(Path explicit, boolean offline) {
    WeightStore.Config config = WeightStore.Config.vgg16(offline, listener);
    Path file = new WeightStore(config).resolve(explicit);
    // The native-ready copy beside the downloads turns a multi-second HDF5 read into a mapping.
    return new WeightCache(config.toolCache()).load(file, KerasModelFile::readWeightsOnly,
        FiniteWeights::check);
  }

  @Override
  public List<String> status() {
    WeightStore.Config config = WeightStore.Config.vgg16(true, DownloadListener.SILENT);
    return List.of(
        "weights: " + config.toolFile() + presence(config.toolFile()),
        "also read: " + config.kerasFile() + presence(config.kerasFile()),
        "download: " + config.url() + " (" + config.expectedSize() / 1_000_000 + " MB, md5 checked)");
  }

  /** " (present)" or " (absent)". */
  private static String presence(Path file) {
    return Files.isRegularFile(file) ? " (present)" : " (absent)";
  }
}
