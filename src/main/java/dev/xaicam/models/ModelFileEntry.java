package dev.xaicam.models;

import dev.xaicam.XaiCamException;
import dev.xaicam.image.Preprocessing;
import dev.xaicam.keras.KerasModel;
import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.NodeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A catalogue entry for the user's own Keras model file ({@code --model my_model.h5}): its graph
 * and weights come from the file; its class names from {@code --labels} (else ImageNet's for 1000
 * classes, else the indices); its preprocessing from {@code --preprocess}, or {@code none} when
 * the model rescales its input itself.
 */
final class ModelFileEntry {
  /** Layers that rescale the input inside the model, making {@code --preprocess none} right. */
  private static final Set<String> RESCALING_LAYERS = Set.of("Rescaling", "Normalization");
  /** Layers that do nothing at inference and may come before a rescaling layer. */
  private static final Set<String> PASS_THROUGH = Set.of("InputLayer", "RandomFlip",
      "RandomRotation", "RandomZoom", "RandomTranslation", "RandomContrast", "RandomBrightness",
      "Dropout", "GaussianNoise");

  /** Static factory only. */
  private ModelFileEntry() {}

  /** Whether {@code name} looks like a file rather than a catalogue name. */
  static boolean looksLikeFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return name.contains("/") || name.contains(java.io.File.separator) || lower.endsWith(".h5")
        || lower.endsWith(".hdf5") || lower.endsWith(".keras") || Files.exists(Path.of(name));
  }

  /**
   * The entry for the model file {@code file}.
   *
   * @throws XaiCamException (usage) when there is no such file; (setup) when the file is not a
   *     usable Keras model (the reader's one line)
   */
  static ModelCatalog.Entry of(Path file) {
    return of(file, ModelFileCache.inToolHome());
  }

  /** {@link #of(Path)}, large files' weights kept in {@code cache}. */
  static ModelCatalog.Entry of(Path file, ModelFileCache cache) {
    if (!Files.isRegularFile(file)) {
      throw XaiCamException.usage("--model " + file + ": no such model file (and not one of the"
          + " built-in models; see xai-cam models)");
    }
    KerasModel model = KerasModelFile.read(file, fromFile -> cache.load(file, fromFile));
    GraphSpec spec = model.graph();
    return new ModelCatalog.Entry(file.toString(),
        "Keras model file (" + model.format().description() + ", Keras " + model.kerasVersion()
            + ")",
        spec, null, rescalesItself(spec) ? Preprocessing.NONE : null,
        new FileWeights(model.weights()));
  }

  /**
   * Whether the first layer that does something at inference rescales the input (Rescaling or
   * Normalization), in which case the model expects raw 0..255 pixels.
   */
  static boolean rescalesItself(GraphSpec spec) {
    for (NodeSpec node : spec.nodes()) {
      if (RESCALING_LAYERS.contains(node.className())) {
        return true;
      }
      if (!PASS_THROUGH.contains(node.className())) {
        return false;
      }
    }
    return false;
  }

  /** The weights the model file holds; {@code --weights} may replace them. */
  private record FileWeights(ModelWeights weights) implements WeightSource {
    @Override
    public ModelWeights load(Path explicit, boolean offline) {
      return explicit == null ? weights : new ExplicitWeights().load(explicit, offline);
    }

    @Override
    public List<String> status() {
      return List.of("weights: inside the model file");
    }
  }
}
