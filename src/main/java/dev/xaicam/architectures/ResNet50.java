package dev.xaicam.architectures;

import dev.xaicam.network.GraphSpec;

/**
 * Keras Applications' ResNet50 (v1, {@code include_top=True}) as a graph with Keras's layer names:
 * a 7x7 stem, four stages of bottleneck blocks (3, 4, 6, 3) and a 1000-way softmax on the
 * average-pooled {@code conv5_block3_out}.
 */
public final class ResNet50 {
  /** Input height and width in pixels. */
  public static final int INPUT_SIZE = 224;
  /** BatchNormalization's epsilon throughout. */
  private static final double EPSILON = 1.001e-5;

  /** Static factory only. */
  private ResNet50() {}

  /** The ImageNet ResNet50: 224x224x3 input, 1000 classes. */
  public static GraphSpec spec() {
    KerasGraphBuilder b = new KerasGraphBuilder("resnet50", "input_1", INPUT_SIZE, INPUT_SIZE, 3);
    String x = b.zeroPad("conv1_pad", b.last(), 3, 3, 3, 3);
    x = b.conv("conv1_conv", x, 64, 7, 7, 2, "valid", true, "linear");
    x = b.batchNorm("conv1_bn", x, EPSILON);
    x = b.activation("conv1_relu", x, "relu");
    x = b.zeroPad("pool1_pad", x, 1, 1, 1, 1);
    x = b.maxPool("pool1_pool", x, 3, 2, "valid");
    x = stage(b, x, "conv2", 64, 3, 1);
    x = stage(b, x, "conv3", 128, 4, 2);
    x = stage(b, x, "conv4", 256, 6, 2);
    x = stage(b, x, "conv5", 512, 3, 2);
    x = b.globalAvgPool("avg_pool", x, false);
    b.dense("predictions", x, 1000, "softmax");
    return b.build();
  }

  /** {@code blocks} bottleneck blocks; the first has a projection shortcut and the stride. */
  private static String stage(KerasGraphBuilder b, String x, String name, int filters, int blocks,
      int stride) {
    x = block(b, x, name + "_block1", filters, stride, true);
    for (int i = 2; i <= blocks; i++) {
      x = block(b, x, name + "_block" + i, filters, 1, false);
    }
    return x;
  }

  /** One bottleneck block: 1x1, 3x3, 1x1 (4x wider) convolutions plus the shortcut. */
  private static String block(KerasGraphBuilder b, String input, String name, int filters,
      int stride, boolean projection) {
    String shortcut = input;
    if (projection) {
      shortcut = b.conv(name + "_0_conv", input, 4 * filters, 1, 1, stride, "valid", true,
          "linear");
      shortcut = b.batchNorm(name + "_0_bn", shortcut, EPSILON);
    }
    String x = b.conv(name + "_1_conv", input, filters, 1, 1, stride, "valid", true, "linear");
    x = b.batchNorm(name + "_1_bn", x, EPSILON);
    x = b.activation(name + "_1_relu", x, "relu");
    x = b.conv(name + "_2_conv", x, filters, 3, 3, 1, "same", true, "linear");
    x = b.batchNorm(name + "_2_bn", x, EPSILON);
    x = b.activation(name + "_2_relu", x, "relu");
    x = b.conv(name + "_3_conv", x, 4 * filters, 1, 1, 1, "valid", true, "linear");
    x = b.batchNorm(name + "_3_bn", x, EPSILON);
    x = b.add(name + "_add", shortcut, x);
    return b.activation(name + "_out", x, "relu");
  }
}
