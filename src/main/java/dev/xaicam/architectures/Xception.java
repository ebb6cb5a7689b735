package dev.xaicam.architectures;

import dev.xaicam.network.GraphSpec;

/**
 * Keras Applications' Xception ({@code include_top=True}) as a graph with Keras's layer names
 * (its unnamed shortcut convolutions, BatchNormalizations and adds numbered as Keras numbers
 * them): entry flow, eight 728-wide middle blocks, exit flow ending in
 * {@code block14_sepconv2_act}, and a 1000-way softmax.
 */
public final class Xception {
  /** Input height and width in pixels. */
  public static final int INPUT_SIZE = 299;
  /** BatchNormalization's epsilon (Keras's default). */
  private static final double EPSILON = 1e-3;

  /** Static factory only. */
  private Xception() {}

  /** The ImageNet Xception: 299x299x3 input, 1000 classes. */
  public static GraphSpec spec() {
    KerasGraphBuilder b = new KerasGraphBuilder("xception", "input_1", INPUT_SIZE, INPUT_SIZE, 3);
    String x = b.conv("block1_conv1", b.last(), 32, 3, 3, 2, "valid", false, "linear");
    x = b.batchNorm("block1_conv1_bn", x, EPSILON);
    x = b.activation("block1_conv1_act", x, "relu");
    x = b.conv("block1_conv2", x, 64, 3, 3, 1, "valid", false, "linear");
    x = b.batchNorm("block1_conv2_bn", x, EPSILON);
    x = b.activation("block1_conv2_act", x, "relu");
    x = entryBlock(b, x, 2, 128, 128, false);
    x = entryBlock(b, x, 3, 256, 256, true);
    x = entryBlock(b, x, 4, 728, 728, true);
    for (int block = 5; block <= 12; block++) {
      String residual = x;
      for (int i = 1; i <= 3; i++) {
        String prefix = "block" + block + "_sepconv" + i;
        x = b.activation(prefix + "_act", x, "relu");
        x = b.separable(prefix, x, 728, 3, "same", false);
        x = b.batchNorm(prefix + "_bn", x, EPSILON);
      }
      x = b.add(b.auto("add"), x, residual);
    }
    x = entryBlock(b, x, 13, 728, 1024, true);
    x = b.separable("block14_sepconv1", x, 1536, 3, "same", false);
    x = b.batchNorm("block14_sepconv1_bn", x, EPSILON);
    x = b.activation("block14_sepconv1_act", x, "relu");
    x = b.separable("block14_sepconv2", x, 2048, 3, "same", false);
    x = b.batchNorm("block14_sepconv2_bn", x, EPSILON);
    x = b.activation("block14_sepconv2_act", x, "relu");
    x = b.globalAvgPool("avg_pool", x, false);
    b.dense("predictions", x, 1000, "softmax");
    return b.build();
  }

  /**
   * A downsampling block: a strided 1x1 shortcut, two separable convolutions (the first ReLU
   * skipped in block 2, which follows one), 3x3 max pooling by 2, and the add.
   */
  private static String entryBlock(KerasGraphBuilder b, String input, int block, int first,
      int second, boolean leadingRelu) {
    String residual = b.conv(b.auto("conv2d"), input, second, 1, 1, 2, "same", false, "linear");
    residual = b.batchNorm(b.auto("batch_normalization"), residual, EPSILON);
    String prefix = "block" + block + "_sepconv";
    String x = leadingRelu ? b.activation(prefix + "1_act", input, "relu") : input;
    x = b.separable(prefix + "1", x, first, 3, "same", false);
    x = b.batchNorm(prefix + "1_bn", x, EPSILON);
    x = b.activation(prefix + "2_act", x, "relu");
    x = b.separable(prefix + "2", x, second, 3, "same", false);
    x = b.batchNorm(prefix + "2_bn", x, EPSILON);
    x = b.maxPool("block" + block + "_pool", x, 3, 2, "same");
    return b.add(b.auto("add"), x, residual);
  }
}
