package dev.xaicam.models;

import dev.xaicam.XaiCamException;
import dev.xaicam.image.Preprocessing;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.architectures.DemoNet;
import dev.xaicam.architectures.DenseNet121;
import dev.xaicam.architectures.EfficientNetB0;
import dev.xaicam.architectures.InceptionV3;
import dev.xaicam.architectures.MobileNetV2;
import dev.xaicam.architectures.ResNet50;
import dev.xaicam.architectures.Vgg16;
import dev.xaicam.architectures.Vgg19;
import dev.xaicam.architectures.Xception;
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
   * @param graph builds the layer graph, on first use only ({@link #spec()}): building all eight
   *     ImageNet graphs took 0.3 s of every run's start, which uses one of them
   * @param labels class names, loaded on first use; {@code null} when the model has none (ImageNet
   *     names are then used for 1000 classes, the indices otherwise)
   * @param preprocessing how the model scales its input; {@code null} when only the user can say
   *     ({@code --preprocess} is then required)
   * @param weights where the weights come from
   */
  public record Entry(
      String name,
      String description,
      Supplier<GraphSpec> graph,
      Supplier<ClassLabels> labels,
      Preprocessing preprocessing,
      WeightSource weights) {

    /** Builds the graph once, whoever asks first. */
    public Entry {
      graph = once(graph);
    }

    /** An entry whose graph is already built. */
    public Entry(String name, String description, GraphSpec spec, Supplier<ClassLabels> labels,
        Preprocessing preprocessing, WeightSource weights) {
      this(name, description, () -> spec, labels, preprocessing, weights);
    }

    /** The layer graph, built on the first call. */
    public GraphSpec spec() {
      return graph.get();
    }
  }

  /** {@code supplier}'s value, computed on the first call only (thread-safe). */
  static <T> Supplier<T> once(Supplier<T> supplier) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            v = value;
            if (v == null) {
              v = supplier.get();
              value = v;
            }
          }
        }
        return v;
      }
    };
  }

  /** The models shipped with the tool; a weight download is reported to {@code downloads}. */
  public static ModelCatalog builtIn(DownloadListener downloads) {
    return new ModelCatalog(List.of(
        imagenet("vgg16", "Keras Applications VGG16, ImageNet, 224x224", Vgg16::spec,
            Preprocessing.CAFFE, KerasWeightFile.VGG16,
            downloads),
        new Entry(
            "demo",
            "Shape classifier trained by xai-cam itself, 64x64 RGB, classes "
                + String.join(", ", ShapeKind.labels()) + " (bundled, no download)",
            () -> DemoNet.spec(ShapeKind.values().length),
            () -> ClassLabels.of(ShapeKind.labels(), ShapeKind.labels()),
            Preprocessing.UNIT_SCALE,
            new BundledWeights(DEMO_WEIGHTS)),
        imagenet("vgg19", "Keras Applications VGG19, ImageNet, 224x224",
            Vgg19::spec, Preprocessing.CAFFE, KerasWeightFile.VGG19, downloads),
        imagenet("resnet50", "Keras Applications ResNet50, ImageNet, 224x224",
            ResNet50::spec, Preprocessing.CAFFE, KerasWeightFile.RESNET50, downloads),
        imagenet("mobilenetv2", "Keras Applications MobileNetV2 (alpha 1.0), ImageNet, 224x224", MobileNetV2::spec, Preprocessing.TF,
            KerasWeightFile.MOBILENET_V2, downloads),
        imagenet("efficientnetb0", "Keras Applications EfficientNetB0, ImageNet, 224x224, "
            + "rescales its own input", EfficientNetB0::spec, Preprocessing.NONE,
            KerasWeightFile.EFFICIENTNET_B0, downloads),
        imagenet("densenet121", "Keras Applications DenseNet121, ImageNet, 224x224", DenseNet121::spec, Preprocessing.TORCH, KerasWeightFile.DENSENET121,
            downloads),
        imagenet("inceptionv3", "Keras Applications InceptionV3, ImageNet, 299x299", InceptionV3::spec, Preprocessing.TF, KerasWeightFile.INCEPTION_V3,
            downloads),
        imagenet("xception", "Keras Applications Xception, ImageNet, 299x299",
            Xception::spec, Preprocessing.TF, KerasWeightFile.XCEPTION, downloads)));
  }

  /** A Keras Applications ImageNet model whose weights come from Keras's published file. */
  private static Entry imagenet(String name, String description, Supplier<GraphSpec> spec,
      Preprocessing preprocessing, KerasWeightFile file, DownloadListener downloads) {
    String size = file.sizeRecorded() ? " (weights " + file.size() / 1_000_000 + " MB)" : "";
    Supplier<GraphSpec> graph = once(spec);
    return new Entry(name, description + size, graph, ClassLabels::imagenet, preprocessing,
        new KerasApplicationWeights(file, graph, downloads));
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
