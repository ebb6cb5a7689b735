package dev.xaicam.architectures;

import dev.xaicam.network.GraphSpec;

/**
 * Keras Applications' VGG16 with its classifier top ({@code include_top=True}) as a graph, with
 * Keras's layer names; full size, or shrunk for tests.
 */
public final class Vgg16 {
  /** Conv widths of the five blocks at full size. */
  private static final int[] BLOCK_WIDTHS = {64, 128, 256, 512, 512};
  /** Conv layers per block. */
  private static final int[] BLOCK_DEPTHS = {2, 2, 3, 3, 3};
  /** Name Keras's weight files give the input layer. */
  public static final String INPUT_LAYER = "input_1";

  /** Static factories only. */
  private Vgg16() {}

  /** The ImageNet VGG16: 224x224x3 input, 13 conv layers, fc1/fc2 4096 units, 1000 classes. */
  public static GraphSpec spec() {
    return build(1, 4096, 1000, 224);
  }

  /**
   * VGG16's layer names and structure with small sizes, for tests.
   *
   * @param widthDivisor divides every conv width (64 / 16 = 4); must divide 64
   * @param denseUnits units of fc1 and fc2
   * @param classes units of predictions
   * @param inputSize input height and width; a multiple of 32 so five poolings divide it
   */
  public static GraphSpec spec(int widthDivisor, int denseUnits, int classes, int inputSize) {
    if (widthDivisor < 1 || 64 % widthDivisor != 0) {
      throw new IllegalArgumentException("width divisor must divide 64, got " + widthDivisor);
    }
    if (denseUnits < 1 || classes < 1) {
      throw new IllegalArgumentException("dense units and classes must be >= 1, got "
          + denseUnits + " and " + classes);
    }
    if (inputSize < 32 || inputSize % 32 != 0) {
      throw new IllegalArgumentException("input size must be a positive multiple of 32, got "
          + inputSize);
    }
    return build(widthDivisor, denseUnits, classes, inputSize);
  }

  /** Assembles the layers. */
  private static GraphSpec build(int divisor, int dense, int classes, int size) {
    KerasGraphBuilder b = new KerasGraphBuilder("VGG16", INPUT_LAYER, size, size, 3);
    for (int block = 0; block < BLOCK_WIDTHS.length; block++) {
      for (int c = 1; c <= BLOCK_DEPTHS[block]; c++) {
        b.conv("block" + (block + 1) + "_conv" + c, BLOCK_WIDTHS[block] / divisor, 3, "relu");
      }
      b.maxPool("block" + (block + 1) + "_pool");
    }
    return b.flatten("flatten").dense("fc1", dense, "relu").dense("fc2", dense, "relu")
        .dense("predictions", classes, "softmax").build();
  }
}
