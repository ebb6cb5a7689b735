package dev.xaicam.cli;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.ExplainSettings;
import dev.xaicam.image.Preprocessing;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How images reach the model and how its classes are named: the explain command's options. */
final class ModelInputOptions {
  /** Preprocessing mode, or null for the model's own. */
  @Option(names = "--preprocess", paramLabel = "MODE",
      description = "How the model scales its input: none (0..255), scale (x/255), tf (x/127.5-1), "
          + "caffe (BGR minus ImageNet means), torch (ImageNet mean/std). Built-in models know "
          + "theirs; a model file that does not rescale its input itself needs this.")
  String preprocess;

  /** Whether to feed BGR order. */
  @Option(names = "--bgr", description = "Feed channels in BGR order (models trained on cv2.imread arrays).")
  boolean bgr;

  /** Class-names file. */
  @Option(names = "--labels", paramLabel = "FILE",
      description = "Class names: one per line, a JSON list, a JSON object index->name, or Keras's "
          + "imagenet_class_index.json. Default: the model's own, ImageNet's for 1000 classes, else indices.")
  Path labels;

  /** The preprocessing mode named, or null; a usage error lists the modes otherwise. */
  Preprocessing preprocessing() {
    if (preprocess == null) {
      return null;
    }
    Preprocessing mode = Preprocessing.byName(preprocess);
    if (mode == null) {
      throw XaiCamException.usage("--preprocess '" + preprocess + "' is not a mode; modes: "
          + Preprocessing.listing());
    }
    return mode;
  }

  /** Puts these options into an explain settings builder. */
  ExplainSettings.Builder applyTo(ExplainSettings.Builder builder) {
    return builder.preprocess(preprocessing()).bgr(bgr).labels(labels);
  }
}
