package dev.xaicam.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Keras Applications' VGG16 with its classifier top, full size or shrunk for tests. */
public final class Vgg16 {
  /** Conv widths of the five blocks at full size. */
  private static final int[] BLOCK_WIDTHS = {64, 128, 256, 512, 512};
  /** Conv layers per block. */
  private static final int[] BLOCK_DEPTHS = {2, 2, 3, 3, 3};
  /** Name Keras's legacy weight files give the input layer. */
  static final String INPUT_LAYER = "input_1";

  /** Static factories only. */
  private Vgg16() {}

  /** The ImageNet VGG16: 224x224x3 input, 13 conv layers, fc1/fc2 4096 units, 1000 classes. */
  public static Architecture architecture() {
    return build("VGG16", 1, 4096, 1000, 224);
  }

  /**
   * VGG16's layer names and structure with small sizes, for tests.
   *
   * @param widthDivisor divides every conv width (64 / 16 = 4); must divide 64
   * @param denseUnits units of fc1 and fc2
   * @param classes units of predictions
   * @param inputSize input height and width; a multiple of 32 so five poolings divide it
   */
  public static Architecture architecture(int widthDivisor, int denseUnits, int classes,
      int inputSize) {
    if (widthDivisor < 1 || 64 % widthDivisor != 0) {
      throw new IllegalArgumentException("width divisor must divide 64, got " + widthDivisor);
    }
    if (denseUnits < 1) {
      throw new IllegalArgumentException("dense units must be >= 1, got " + denseUnits);
    }
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be >= 1, got " + classes);
    }
    if (inputSize < 32 || inputSize % 32 != 0) {
      throw new IllegalArgumentException("input size must be a positive multiple of 32, got "
          + inputSize);
    }
    return build("VGG16", widthDivisor, denseUnits, classes, inputSize);
  }

  /** Assembles the layer list. */
  private static Architecture build(String name, int divisor, int dense, int classes, int size) {
    List<LayerSpec> specs = new ArrayList<>();
    for (int b = 0; b < BLOCK_WIDTHS.length; b++) {
      for (int c = 1; c <= BLOCK_DEPTHS[b]; c++) {
        specs.add(LayerSpec.conv("block" + (b + 1) + "_conv" + c, BLOCK_WIDTHS[b] / divisor, 3,
            Activation.RELU));
      }
      specs.add(LayerSpec.pool("block" + (b + 1) + "_pool"));
    }
    specs.add(LayerSpec.flatten("flatten"));
    specs.add(LayerSpec.dense("fc1", dense, Activation.RELU));
    specs.add(LayerSpec.dense("fc2", dense, Activation.RELU));
    specs.add(LayerSpec.dense("predictions", classes, Activation.SOFTMAX));
    return new Architecture(name, size, size, 3, specs);
  }

  /**
   * Random weights as a freshly built Keras model has them: Glorot-uniform kernels, zero biases.
   * Lists {@code input_1} and every layer in order, weightless ones with an empty list, like a
   * legacy Keras weight file.
   */
  public static ModelWeights randomWeights(Architecture architecture, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    byLayer.put(INPUT_LAYER, List.of());
    List<LayerInfo> layers = architecture.layers();
    for (int i = 0; i < layers.size(); i++) {
      List<int[]> shapes = architecture.weightShapes(i);
      List<WeightArray> arrays = new ArrayList<>();
      if (!shapes.isEmpty()) {
        int[] kernel = shapes.get(0);
        arrays.add(new WeightArray(kernel, glorotUniform(kernel, random)));
        arrays.add(new WeightArray(shapes.get(1), new float[shapes.get(1)[0]]));
      }
      byLayer.put(layers.get(i).name(), arrays);
    }
    return new ModelWeights(byLayer);
  }

  /**
   * Uniform values in +-sqrt(6 / (fanIn + fanOut)), where a kernel's fans are its receptive field
   * times its input or output width, as Keras computes them.
   */
  private static float[] glorotUniform(int[] shape, SplittableRandom random) {
    int receptive = 1;
    for (int i = 0; i < shape.length - 2; i++) {
      receptive *= shape[i];
    }
    double fanIn = (double) receptive * shape[shape.length - 2];
    double fanOut = (double) receptive * shape[shape.length - 1];
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    int n = receptive * shape[shape.length - 2] * shape[shape.length - 1];
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextDouble(-limit, limit);
    }
    return values;
  }
}
