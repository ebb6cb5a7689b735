package dev.xaicam.model;

import java.nio.file.Path;

/**
 * Dev-time tool, not a test: writes a full-size VGG16 weight file with seeded random weights in
 * Keras's legacy layout, for trying the tool as a user would without the real 553 MB download.
 *
 * <pre>java -cp target/test-classes:target/classes:target/lib/* dev.xaicam.model.RandomWeightsFileWriter out.h5 [seed]</pre>
 */
public final class RandomWeightsFileWriter {
  private RandomWeightsFileWriter() {}

  /** Writes {@code args[0]} with seed {@code args[1]} (default 1). */
  public static void main(String[] args) {
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    Architecture vgg16 = Vgg16.architecture();
    KerasWeightsFile.write(Path.of(args[0]), Vgg16.randomWeights(vgg16, seed), KerasWeightsFile.Layout.LEGACY);
  }
}
