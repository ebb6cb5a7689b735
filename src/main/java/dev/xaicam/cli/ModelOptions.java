package dev.xaicam.cli;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.ExplainSettings;
import picocli.CommandLine.Option;

/**
 * Which model, and at what input size: shared by the explain command and {@code layers}.
 * Checked in the settings builder; this class only converts text.
 */
final class ModelOptions {
  /** Model name from the catalogue, or a Keras model file. */
  @Option(names = "--model", paramLabel = "NAME|FILE", defaultValue = ExplainSettings.DEFAULT_MODEL,
      description = "Model to explain (default: ${DEFAULT-VALUE}): a name 'xai-cam models' lists, or "
          + "your own Keras model file (.h5 / .keras, Keras 2 or 3).")
  String model;

  /** Model input size, for models whose config leaves it open. */
  @Option(names = "--input-size", paramLabel = "HxW",
      description = "Model input size for models whose config leaves it open (e.g. 224x224).")
  String inputSize;

  /** {height, width} from {@code HxW}, or null. */
  int[] inputSize() {
    if (inputSize == null) {
      return null;
    }
    String[] parts = inputSize.toLowerCase(java.util.Locale.ROOT).split("x", -1);
    try {
      if (parts.length == 2) {
        return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
      }
    } catch (NumberFormatException e) {
      // fall through to the usage error
    }
    throw XaiCamException.usage("--input-size must be HxW, e.g. 224x224, got '" + inputSize + "'");
  }

  /** Puts these options into an explain settings builder. */
  ExplainSettings.Builder applyTo(ExplainSettings.Builder builder) {
    return builder.model(model).inputSize(inputSize());
  }
}
