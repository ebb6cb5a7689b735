package dev.xaicam.pipeline;

import dev.xaicam.XaiCamException;
import dev.xaicam.image.Preprocessing;
import dev.xaicam.model.Architecture;
import dev.xaicam.model.ClassLabels;
import dev.xaicam.model.DemoNet;
import dev.xaicam.model.KerasWeightsFile;
import dev.xaicam.model.ModelWeights;
import dev.xaicam.model.Vgg16;
import dev.xaicam.model.WeightStore;
import dev.xaicam.shapes.ShapeKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;

/** The models {@code --model} can name, with what each needs: architecture, weights, labels, preprocessing. */
public final class ModelCatalog {
  /** Classpath location of the demo model's weights (the repository's {@code models/demo/weights.h5}). */
  static final String DEMO_WEIGHTS = "/models/demo/weights.h5";

  /** The models in the order {@code xai-cam models} lists them, the default first. */
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
            new Vgg16Weights()),
        new Entry(
            "demo",
            "Shape classifier trained by xai-cam itself, 64x64 RGB, classes "
                + String.join(", ", ShapeKind.labels()) + " (bundled, no download)",
            DemoNet.architecture(ShapeKind.values().length),
            () -> ClassLabels.of(ShapeKind.labels(), ShapeKind.labels()),
            Preprocessing.UNIT_SCALE,
            new BundledWeights(DEMO_WEIGHTS))));
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

  /**
   * Weights packed into the tool's jar: {@code --weights} if given, else the resource, copied to a
   * temporary file because the HDF5 reader needs a seekable file.
   */
  static final class BundledWeights implements WeightSource {
    /** Classpath location of the weight file. */
    private final String resource;

    /** Weights at classpath location {@code resource}, e.g. {@code /models/demo/weights.h5}. */
    BundledWeights(String resource) {
      this.resource = resource;
    }

    @Override
    public ModelWeights load(Path explicit, boolean offline) {
      if (explicit != null) {
        return explicitOnly().load(explicit, offline);
      }
      Path temp = null;
      try (InputStream in = ModelCatalog.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw XaiCamException.setup("the bundled weights " + resource.substring(1)
              + " are missing from the tool's jar; rebuild it (./mvnw -DskipTests package) or pass --weights FILE");
        }
        temp = Files.createTempFile("xai-cam-", ".h5");
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        return KerasWeightsFile.read(temp);
      } catch (IOException e) {
        throw XaiCamException.setup("cannot unpack the bundled weights " + resource.substring(1) + " ("
            + e.getMessage() + "); check free space in " + System.getProperty("java.io.tmpdir"), e);
      } finally {
        if (temp != null) {
          try {
            Files.deleteIfExists(temp);
          } catch (IOException ignored) {
            // A leftover temporary file is harmless; the load's own outcome is what matters.
          }
        }
      }
    }

    @Override
    public List<String> status() {
      boolean present = ModelCatalog.class.getResource(resource) != null;
      return List.of("weights: bundled in the tool's jar as " + resource.substring(1)
          + (present ? " (present)" : " (absent: rebuild the tool)"));
    }
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
