package dev.xaicam.architectures;

import dev.xaicam.network.GraphSpec;

/**
 * The bundled demo model as a graph: a small VGG-style classifier for 64x64 RGB pictures of
 * shapes, with Keras-style layer names so {@code --layer} and the weight file read like VGG16's.
 */
public final class DemoNet {
  /** Input height and width in pixels. */
  public static final int INPUT_SIZE = 64;

  /** Static factories only. */
  private DemoNet() {}

  /**
   * 64x64x3 input; {@code block1_conv1} (16 filters, 3x3, relu), 2x2 max pooling, then
   * {@code block2_conv1} (32) and {@code block2_conv2} (64), the last convolution and so the
   * default CAM layer, at 32x32 with a 12-pixel receptive field; three poolings to 4x4, flatten
   * (4x4x64), fc1 (64, relu) and {@code predictions} (softmax over {@code classes}). The last conv
   * sits early on purpose: with deeper or coarser last layers (26 px receptive field at 16x16, or
   * 8x8) the hot spot settled on the shapes' outlines, often a pixel or two outside the object.
   *
   * @param classes output classes, >= 2
   */
  public static GraphSpec spec(int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }
    return new KerasGraphBuilder("DemoNet", "input_1", INPUT_SIZE, INPUT_SIZE, 3)
        .conv("block1_conv1", 16, 3, "relu")
        .maxPool("block1_pool")
        .conv("block2_conv1", 32, 3, "relu")
        .conv("block2_conv2", 64, 3, "relu")
        .maxPool("block2_pool")
        .maxPool("block3_pool")
        .maxPool("block4_pool")
        .flatten("flatten")
        .dense("fc1", 64, "relu")
        .dense("predictions", classes, "softmax")
        .build();
  }
}
