package dev.xaicam.pipeline;

import dev.xaicam.XaiCamException;
import dev.xaicam.image.Preprocessing;
import dev.xaicam.model.Architecture;
import dev.xaicam.model.ClassLabels;
import dev.xaicam.model.KerasWeightsFile;
import dev.xaicam.model.ModelWeights;
import dev.xaicam.model.Vgg16;
import dev.xaicam.model.WeightStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** The models {@code --model} can name, with what each needs: architecture, weights, labels, preprocessing. */
public final class ModelCatalog {
  private final List<Entry> entries;

  /** A catalog of {@code entries}, the first being the default. */
  public ModelCatalog(List<Entry> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a model catalog needs at least one entry");
    }
    this.entries = List.copyOf(entries);
  }

  /** Where a model's weights come from. */
  public interface WeightSource {
    /** Loads the weights: {@code explicit} (from {@code --weights}) if given, else the model's own. */
    ModelWeights load(Path explicit, boolean offline);

    /** Lines for {@code xai-cam models}: where the weights are looked for and whether present. */
    List<String> status();
  }

  /**
   * One model the tool knows.
   *
   * @param name what {@code --model} takes
   * @param description one line for {@code xai-cam models}
   * @param architecture the layer graph
   * @param labels class names, loaded on first use
   * @param preprocessing how a decoded image becomes network input
   * @param weights where the weights come from
   */
  public record Entry(
      String name,
      String description,
      Architecture architecture,
      Supplier<ClassLabels> labels,
      Preprocessing preprocessing,
      WeightSource weights) {}

  /** The models shipped with the tool. */
  public static ModelCatalog builtIn() {
    return new ModelCatalog(List.of(
        new Entry(
            "vgg16",
            "Keras Applications VGG16, ImageNet, 1000 classes (weights 553 MB, downloaded once)",
            Vgg16.architecture(),
            ClassLabels::imagenet,
            Preprocessing.CAFFE,
            new Vgg16Weights())));
  }

  /** All entries, the default first. */
  public List<Entry> entries() {
    return entries;
  }

  /** The entry named {@code name}; a usage error lists the known names otherwise. */
  public Entry find(String name) {
    for (Entry entry : entries) {
      if (entry.name().equalsIgnoreCase(name)) {
        return entry;
      }
    }
    throw XaiCamException.usage("unknown model '" + name + "'; known: "
        + String.join(", ", entries.stream().map(Entry::name).toList()));
  }

  /** Weights given only by {@code --weights}: for models defined by tests and experiments. */
  public static WeightSource explicitOnly() {
    return new WeightSource() {
      @Override
      public ModelWeights load(Path explicit, boolean offline) {
        if (explicit == null) {
          throw XaiCamException.usage("this model has no stored weights; pass --weights FILE");
        }
        if (!Files.isRegularFile(explicit)) {
          throw XaiCamException.usage("--weights " + explicit + ": no such file");
        }
        return KerasWeightsFile.read(explicit);
      }

      @Override
      public List<String> status() {
        return List.of("weights: given with --weights");
      }
    };
  }

  /** VGG16's weights: {@code --weights}, the caches, or a verified download ({@link WeightStore}). */
  private static final class Vgg16Weights implements WeightSource {
    @Override
    public ModelWeights load(Path explicit, boolean offline) {
      WeightStore store = new WeightStore(WeightStore.Config.vgg16(offline, WeightStore.Progress.stderr(false)));
      return KerasWeightsFile.read(store.resolve(explicit));
    }

    @Override
    public List<String> status() {
      WeightStore.Config config = WeightStore.Config.vgg16(true, WeightStore.Progress.stderr(true));
      Path own = config.toolCache().resolve(config.fileName());
      Path keras = config.kerasCache().resolve(config.fileName());
      return List.of(
          "weights: " + own + (Files.isRegularFile(own) ? " (present)" : " (absent)"),
          "also read: " + keras + (Files.isRegularFile(keras) ? " (present)" : " (absent)"),
          "download: " + config.url() + " (" + config.expectedSize() / 1_000_000 + " MB, md5 checked)");
    }
  }
}
