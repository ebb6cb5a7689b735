package dev.xaicam.models;

import dev.xaicam.XaiCamException;
import dev.xaicam.image.Preprocessing;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.architectures.DemoNet;
import dev.xaicam.architectures.Vgg16;
import dev.xaicam.shapes.ShapeKind;
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

  /**
   * One model the tool knows.
   *
   * @param name what {@code --model} takes
   * @param description one line for {@code xai-cam models}
   * @param spec the layer graph
   * @param labels class names, loaded on first use; {@code null} when the model has none (ImageNet
   *     names are then used for 1000 classes, the indices otherwise)
   * @param preprocessing how the model scales its input; {@code null} when only the user can say
   *     ({@code --preprocess} is then required)
   * @param weights where the weights come from
   */
  public record Entry(
      String name,
      String description,
      GraphSpec spec,
      Supplier<ClassLabels> labels,
      Preprocessing preprocessing,
      WeightSource weights) {}

  /** The models shipped with the tool; a weight download is reported to {@code downloads}. */
  public static ModelCatalog builtIn(DownloadListener downloads) {
    return new ModelCatalog(List.of(
        new Entry(
            "vgg16",
            "Keras Applications VGG16, ImageNet, 1000 classes (weights 553 MB, downloaded once)",
            Vgg16.spec(),
            ClassLabels::imagenet,
            Preprocessing.CAFFE,
            new Vgg16Weights(downloads)),
        new Entry(
            "demo",
            "Shape classifier trained by xai-cam itself, 64x64 RGB, classes "
                + String.join(", ", ShapeKind.labels()) + " (bundled, no download)",
            DemoNet.spec(ShapeKind.values().length),
            () -> ClassLabels.of(ShapeKind.labels(), ShapeKind.labels()),
            Preprocessing.UNIT_SCALE,
            new BundledWeights(DEMO_WEIGHTS))));
  }

  /** All entries, the default first. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The entry named {@code name}, or the Keras model file at that path; a usage error lists the
   * known names otherwise.
   */
  public Entry find(String name) {
    for (Entry entry : entries) {
      if (entry.name().equalsIgnoreCase(name)) {
        return entry;
      }
    }
    if (ModelFileEntry.looksLikeFile(name)) {
      return ModelFileEntry.of(java.nio.file.Path.of(name));
    }
    throw XaiCamException.usage("unknown model '" + name + "'; known: "
        + String.join(", ", entries.stream().map(Entry::name).toList()) + ", or a Keras model file (.h5, .keras)");
  }
}
