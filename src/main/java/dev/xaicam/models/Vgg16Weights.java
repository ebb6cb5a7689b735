package dev.xaicam.models;

import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.network.ModelWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** VGG16's weights: {@code --weights}, the caches, or a verified download ({@link WeightStore}). */
final class Vgg16Weights implements WeightSource {
  /** Told how a download goes. */
  private final DownloadListener listener;

  /** Weights whose download, if one is needed, is reported to {@code listener}. */
  Vgg16Weights(DownloadListener listener) {
    this.listener = listener;
  }

  @Override
  public ModelWeights load(Path explicit, boolean offline) {
    WeightStore store = new WeightStore(WeightStore.Config.vgg16(offline, listener));
    return KerasModelFile.readWeightsOnly(store.resolve(explicit));
  }

  @Override
  public long fileBytes() {
    return WeightStore.VGG16_SIZE;
  }

  @Override
  public List<String> status() {
    WeightStore.Config config = WeightStore.Config.vgg16(true, DownloadListener.SILENT);
    return List.of(
        "weights: " + config.toolFile() + presence(config.toolFile(), config.expectedSize()),
        "also read: " + config.kerasFile() + presence(config.kerasFile(), config.expectedSize()),
        "download: " + config.url() + " (" + config.expectedSize() / 1_000_000 + " MB, md5 checked)");
  }

  /**
   * " (present)", " (absent)", or, for a file that is not {@code expectedSize} bytes long (a copy
   * cut short, another model's file), " (WRONG SIZE ...)" saying what to do.
   */
  static String presence(Path file, long expectedSize) {
    if (!Files.isRegularFile(file)) {
      return " (absent)";
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return " (unreadable: " + e.getMessage() + ")";
    }
    return size == expectedSize ? " (present)" : " (WRONG SIZE: " + size + " bytes, expected " + expectedSize
        + "; delete it to download again)";
  }
}
