package dev.xaicam.model;

import java.util.List;

/**
 * The bundled demo model's layer graph: a small VGG-style classifier for 64x64 RGB pictures of
 * shapes, with Keras-style layer names so {@code --layer} and the weight file read like VGG16's.
 */
public final class DemoNet {
  /** Input height and width in pixels. */
  public static final int INPUT_SIZE = 64;

  /** Static factories only. */
  private DemoNet() {}

  /**
   * 64x64x3 input; three blocks of 3x3 conv+relu and 2x2 max pooling (16, 32, then 2 x 64
   * filters; the last convs run at 16x16, so a CAM cell covers 4x4 pixels), a second pooling
   * ({@code block4_pool}, no conv), flatten (4x4x64), fc1 (64, relu), and {@code predictions}
   * (softmax over {@code classes}). Four poolings leave fc1 only 16 positions to learn each shape
   * at, which lets it train in minutes; keeping the last conv at 16x16 keeps CAMs sharp.
   *
   * @param classes output classes, >= 2
   */
  public static Architecture architecture(int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }
    List<LayerSpec> specs = List.of(
        LayerSpec.conv("block1_conv1", 16, 3, Activation.RELU),
        LayerSpec.pool("block1_pool"),
        LayerSpec.conv("block2_conv1", 32, 3, Activation.RELU),
        LayerSpec.pool("block2_pool"),
        LayerSpec.conv("block3_conv1", 64, 3, Activation.RELU),
        LayerSpec.conv("block3_conv2", 64, 3, Activation.RELU),
        LayerSpec.pool("block3_pool"),
        LayerSpec.pool("block4_pool"),
        LayerSpec.flatten("flatten"),
        LayerSpec.dense("fc1", 64, Activation.RELU),
        LayerSpec.dense("predictions", classes, Activation.SOFTMAX));
    return new Architecture("DemoNet", INPUT_SIZE, INPUT_SIZE, 3, specs);
  }
}
