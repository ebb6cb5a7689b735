package dev.xaicam.architectures;

import dev.xaicam.network.GraphSpec;

/**
 * Keras Applications' DenseNet121 ({@code include_top=True}) as a graph with Keras's layer names:
 * a 7x7 stem, dense blocks of 6, 12, 24 and 16 BN-ReLU-conv layers (growth rate 32) joined by
 * halving transitions, a final BN and {@code relu}, and a 1000-way softmax.
 */
public final class DenseNet121 {
  /** Input height and width in pixels. */
  public static final int INPUT_SIZE = 224;
  /** BatchNormalization's epsilon throughout. */
  private static final double EPSILON = 1.001e-5;
  /** Channels each dense layer adds. */
  private static final int GROWTH = 32;
  /** Dense layers per block. */
  private static final int[] BLOCKS = {6, 12, 24, 16};

  /** Static factory only. */
  private DenseNet121() {}

  /** The ImageNet DenseNet121: 224x224x3 input, 1000 classes. */
  public static GraphSpec spec() {
    KerasGraphBuilder b = new KerasGraphBuilder("densenet121", "input_1", INPUT_SIZE, INPUT_SIZE,
        3);
    String x = b.zeroPad(b.auto("zero_padding2d"), b.last(), 3, 3, 3, 3);
    x = b.conv("conv1_conv", x, 64, 7, 7, 2, "valid", false, "linear");
    x = b.batchNorm("conv1_bn", x, EPSILON);
    x = b.activation("conv1_relu", x, "relu");
    x = b.zeroPad(b.auto("zero_padding2d"), x, 1, 1, 1, 1);
    x = b.maxPool("pool1", x, 3, 2, "valid");
    int channels = 64;
    for (int stage = 0; stage < BLOCKS.length; stage++) {
      for (int i = 1; i <= BLOCKS[stage]; i++) {
        x = denseLayer(b, x, "conv" + (stage + 2) + "_block" + i);
      }
      channels += BLOCKS[stage] * GROWTH;
      if (stage < BLOCKS.length - 1) {
        String name = "pool" + (stage + 2);
        x = b.batchNorm(name + "_bn", x, EPSILON);
        x = b.activation(name + "_relu", x, "relu");
        channels /= 2;
        x = b.conv(name + "_conv", x, channels, 1, 1, 1, "valid", false, "linear");
        x = b.avgPool(name + "_pool", x, 2, 2, "valid");
      }
    }
    x = b.batchNorm("bn", x, EPSILON);
    x = b.activation("relu", x, "relu");
    x = b.globalAvgPool("avg_pool", x, false);
    b.dense("predictions", x, 1000, "softmax");
    return b.build();
  }

  /** One dense layer: BN, ReLU, 1x1 conv (4 x growth), BN, ReLU, 3x3 conv, joined to its input. */
  private static String denseLayer(KerasGraphBuilder b, String input, String name) {
    String x = b.batchNorm(name + "_0_bn", input, EPSILON);
    x = b.activation(name + "_0_relu", x, "relu");
    x = b.conv(name + "_1_conv", x, 4 * GROWTH, 1, 1, 1, "valid", false, "linear");
    x = b.batchNorm(name + "_1_bn", x, EPSILON);
    x = b.activation(name + "_1_relu", x, "relu");
    x = b.conv(name + "_2_conv", x, GROWTH, 3, 3, 1, "same", false, "linear");
    return b.concat(name + "_concat", input, x);
  }
}
