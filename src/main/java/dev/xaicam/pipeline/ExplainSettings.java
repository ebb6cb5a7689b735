package dev.xaicam.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything an explain run is told before it reads its first image.
 *
 * @param model model name from {@link ModelCatalog} ({@code vgg16}, ...)
 * @param weights an explicit weight file, or {@code null} to look in the caches
 * @param offline whether a missing weight file may be downloaded
 * @param methods CAM method names as typed (aliases allowed), at least one
 * @param layer target layer name or index, or {@code null} for the last convolution
 * @param classes target classes as typed (index or name); empty for the top prediction(s)
 * @param topK explain each of the top K classes when {@code classes} is empty (1 = top-1)
 * @param outputDir folder the outputs go to
 * @param alpha overlay opacity in [0, 1]
 * @param npy whether to also write each normalised heatmap as {@code .npy}
 * @param batchSize images per forward pass, and masked inputs per Score-CAM forward pass
 * @param maxN channels Faster-Score-CAM evaluates
 * @param maxPixels largest declared image size decoded
 * @param montage a montage picture to write at the end, or {@code null}
 * @param float64 whether the network computes in float64 instead of float32
 */
public record ExplainSettings(
    String model,
    Path weights,
    boolean offline,
    List<String> methods,
    String layer,
    List<String> classes,
    int topK,
    Path outputDir,
    double alpha,
    boolean npy,
    int batchSize,
    int maxN,
    long maxPixels,
    Path montage,
    boolean float64) {

  /** Checks ranges and takes immutable copies of the lists. */
  public ExplainSettings {
    methods = List.copyOf(methods);
    classes = List.copyOf(classes);
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("at least one method is required");
    }
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be >= 1, got " + topK);
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (maxPixels < 1) {
      throw new IllegalArgumentException("max pixels must be >= 1, got " + maxPixels);
    }
  }
}
