package dev.xaicam.models;

import dev.xaicam.image.Preprocessing;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.keras.KerasWeightsWriter;
import dev.xaicam.architectures.Vgg16;
import dev.xaicam.architectures.GlorotWeights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: VGG16's layer names with tiny widths and a 32x32 input, so CLI tests run in seconds. */
public final class TinyModels {
  /** The name tests pass to {@code --model}. */
  public static final String NAME = "tiny-vgg";
  /** Classes of the tiny model. */
  public static final int CLASSES = 10;

  private TinyModels() {}

  /** VGG16 with every width divided by 16, dense 8, 10 classes, 32x32 input. */
  public static GraphSpec spec() {
    return Vgg16.spec(16, 8, CLASSES, 32);
  }

  /** Writes seeded random weights for {@link #spec()} in Keras's legacy layout. */
  public static Path writeWeights(Path file, long seed) {
    KerasWeightsWriter.write(file, GlorotWeights.of(ModelGraph.of(spec()), seed),
        KerasWeightsWriter.Layout.LEGACY);
    return file;
  }

  /** Labels {@code class0..class9}, readable {@code class zero ..}. */
  public static ClassLabels labels() {
    List<String> names = new ArrayList<>();
    List<String> readable = new ArrayList<>();
    String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    for (int i = 0; i < CLASSES; i++) {
      names.add("class" + i);
      readable.add("class " + words[i]);
    }
    return ClassLabels.of(names, readable);
  }

  /** A catalog holding only the tiny model, whose weights come from {@code --weights}. */
  public static ModelCatalog catalog() {
    return new ModelCatalog(List.of(new ModelCatalog.Entry(NAME, "tiny VGG16-shaped test model",
        spec(), TinyModels::labels, Preprocessing.CAFFE, new ExplicitWeights())));
  }
}
