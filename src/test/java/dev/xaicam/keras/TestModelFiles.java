package dev.xaicam.keras;

import dev.xaicam.keras.KerasFixtures.Named;
import dev.xaicam.network.WeightArray;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small Keras model files in their real layouts, with seeded random weights, for tests outside
 * this package (the command line's): a grey-scale sigmoid Sequential, an RGB softmax classifier,
 * a Teachable-Machine-shaped nested model, and broken variants.
 */
public final class TestModelFiles {
  /** Not instantiable. */
  private TestModelFiles() {}

  /** tf.keras 2.4 Sequential: 8x8 grey input, conv 3x3 (2 filters, relu), pool, one sigmoid unit. */
  public static Path greySigmoid(Path file) {
    KerasFixtures.fullModelH5(file, "2.4.0", KerasConfigs.KERAS2_SEQUENTIAL,
        sequentialWeights(new int[] {3, 3, 1, 2}), 1);
    return file;
  }

  /**
   * tf.keras 2.x Sequential over 16x16 RGB pictures: conv 3x3 (4 filters, relu) {@code conv2d},
   * pooling, flatten, softmax over {@code classes}; seeded random weights. It does not rescale its
   * input ({@code --preprocess} needed), and names no classes ({@code --labels}).
   */
  public static Path rgbClassifier(Path file, int classes, long seed) {
    Random random = new Random(seed);
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("conv2d", List.of(new Named("conv2d/kernel:0", random(random, false, 3, 3, 3, 4)),
        new Named("conv2d/bias:0", random(random, false, 4))));
    layers.put("max_pooling2d", List.of());
    layers.put("flatten", List.of());
    layers.put("dense", List.of(new Named("dense/kernel:0", random(random, false, 196, classes)),
        new Named("dense/bias:0", random(random, false, classes))));
    KerasFixtures.fullModelH5(file, "2.4.0", KerasConfigs.KERAS2_RGB_CLASSIFIER.formatted(classes),
        layers, 1);
    return file;
  }

  /** As {@link #greySigmoid}, with the conv kernel stored as 3 filters where the config says 2. */
  public static Path mismatchedKernel(Path file) {
    KerasFixtures.fullModelH5(file, "2.4.0", KerasConfigs.KERAS2_SEQUENTIAL,
        sequentialWeights(new int[] {3, 3, 1, 3}), 1);
    return file;
  }

  /** As {@link #greySigmoid}, with a Lambda layer (marshalled Python) where Flatten was. */
  public static Path withLambda(Path file) {
    String config = KerasConfigs.KERAS2_SEQUENTIAL.replace("\"class_name\": \"Flatten\"",
        "\"class_name\": \"Lambda\"");
    KerasFixtures.fullModelH5(file, "2.4.0", config, sequentialWeights(new int[] {3, 3, 1, 2}), 1);
    return file;
  }

  /**
   * A Teachable Machine export's shape (tf.keras 2.4): a nested Functional base with
   * BatchNormalization and ReLU(6) ({@code out_relu}) inside two Sequentials, 6x6 RGB input,
   * 2 softmax classes.
   */
  public static Path teachableMachine(Path file) {
    Random random = new Random(7);
    List<Named> base = List.of(
        new Named("Conv1/kernel:0", random(random, false, 1, 1, 3, 2)),
        new Named("bn_Conv1/gamma:0", random(random, true, 2)),
        new Named("bn_Conv1/beta:0", random(random, false, 2)),
        new Named("Conv2/kernel:0", random(random, false, 1, 1, 2, 2)),
        new Named("bn_Conv2/gamma:0", random(random, true, 2)),
        new Named("bn_Conv2/beta:0", random(random, false, 2)),
        new Named("bn_Conv1/moving_mean:0", random(random, false, 2)),
        new Named("bn_Conv1/moving_variance:0", random(random, true, 2)),
        new Named("bn_Conv2/moving_mean:0", random(random, false, 2)),
        new Named("bn_Conv2/moving_variance:0", random(random, true, 2)));
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("sequential_1", base);
    layers.put("sequential_3", List.of(new Named("dense_Dense1/kernel:0",
        random(random, false, 2, 2))));
    KerasFixtures.fullModelH5(file, "2.4.0", KerasConfigs.TEACHABLE_MACHINE, layers, 2);
    return file;
  }

  /** The Sequential's weights with the given conv kernel shape. */
  private static Map<String, List<Named>> sequentialWeights(int[] kernelShape) {
    Random random = new Random(3);
    Map<String, List<Named>> layers = new LinkedHashMap<>();
    layers.put("conv2d", List.of(new Named("conv2d/kernel:0", random(random, false, kernelShape)),
        new Named("conv2d/bias:0", random(random, false, kernelShape[3]))));
    layers.put("max_pooling2d", List.of());
    layers.put("flatten", List.of());
    layers.put("dense", List.of(new Named("dense/kernel:0", random(random, false, 18, 1)),
        new Named("dense/bias:0", random(random, false, 1))));
    return layers;
  }

  /** Uniform values in [-1, 1), or in [0.5, 1.5) when {@code positive} (scales, variances). */
  private static WeightArray random(Random random, boolean positive, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = positive ? 0.5f + random.nextFloat() : 2 * random.nextFloat() - 1;
    }
    return new WeightArray(shape, values);
  }
}
