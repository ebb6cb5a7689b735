package dev.xaicam.architectures;

import dev.xaicam.network.GraphSpec;

/**
 * Keras Applications' EfficientNetB0 ({@code include_top=True}, as built for its ImageNet
 * weights) as a graph with Keras's layer names: the model scales its own input (Rescaling 1/255,
 * Normalization with stored mean and variance, and the Rescaling by 1/sqrt(ImageNet stddev)
 * Keras adds for these weights), a swish stem, 16 MBConv blocks with squeeze-and-excitation, a
 * 1280-wide {@code top_activation}, dropout and a 1000-way softmax.
 */
public final class EfficientNetB0 {
  /** Input height and width in pixels. */
  public static final int INPUT_SIZE = 224;
  /** BatchNormalization's epsilon (Keras's default). */
  private static final double EPSILON = 1e-3;
  /** The activation throughout. */
  private static final String SWISH = "swish";
  /** Keras's {@code IMAGENET_STDDEV_RGB}. */
  private static final double[] IMAGENET_STDDEV = {0.229, 0.224, 0.225};
  /** Drop-connect rate of the last block, reached linearly over the blocks. */
  private static final double DROP_CONNECT = 0.2;
  /** Per stage: kernel, repeats, filters in, filters out, expansion, stride (width 1.0). */
  private static final int[][] STAGES = {
      {3, 1, 32, 16, 1, 1}, {3, 2, 16, 24, 6, 2}, {5, 2, 24, 40, 6, 2}, {3, 3, 40, 80, 6, 2},
      {5, 3, 80, 112, 6, 1}, {5, 4, 112, 192, 6, 2}, {3, 1, 192, 320, 6, 1}};

  /** Static factory only. */
  private EfficientNetB0() {}

  /** The ImageNet EfficientNetB0: 224x224x3 input (pixels 0-255), 1000 classes. */
  public static GraphSpec spec() {
    KerasGraphBuilder b = new KerasGraphBuilder("efficientnetb0", "input_1", INPUT_SIZE,
        INPUT_SIZE, 3);
    String x = b.rescaling(b.auto("rescaling"), b.last(), 1 / 255.0, 0);
    x = b.normalization(b.auto("normalization"), x);
    double[] inverseDeviation = new double[IMAGENET_STDDEV.length];
    for (int c = 0; c < inverseDeviation.length; c++) {
      inverseDeviation[c] = 1 / Math.sqrt(IMAGENET_STDDEV[c]);
    }
    x = b.rescaling(b.auto("rescaling"), x, inverseDeviation, 0);
    x = b.zeroPad("stem_conv_pad", x, 0, 1, 0, 1);
    x = b.conv("stem_conv", x, 32, 3, 3, 2, "valid", false, "linear");
    x = b.batchNorm("stem_bn", x, EPSILON);
    x = b.activation("stem_activation", x, SWISH);
    int total = 0;
    for (int[] stage : STAGES) {
      total += stage[1];
    }
    int index = 0;
    for (int s = 0; s < STAGES.length; s++) {
      int[] st = STAGES[s];
      for (int j = 0; j < st[1]; j++) {
        String name = "block" + (s + 1) + (char) ('a' + j) + "_";
        x = block(b, x, name, st[0], j == 0 ? st[2] : st[3], st[3], st[4], j == 0 ? st[5] : 1,
            DROP_CONNECT * index / total);
        index++;
      }
    }
    x = b.conv("top_conv", x, 1280, 1, 1, 1, "same", false, "linear");
    x = b.batchNorm("top_bn", x, EPSILON);
    x = b.activation("top_activation", x, SWISH);
    x = b.globalAvgPool("avg_pool", x, false);
    x = b.dropout("top_dropout", x, 0.2);
    b.dense("predictions", x, 1000, "softmax");
    return b.build();
  }

  /** One MBConv block: expand, depthwise, squeeze-and-excitation, project, maybe skip. */
  private static String block(KerasGraphBuilder b, String input, String name, int kernel, int in,
      int out, int expansion, int stride, double dropRate) {
    int filters = in * expansion;
    String x = input;
    if (expansion != 1) {
      x = b.conv(name + "expand_conv", x, filters, 1, 1, 1, "same", false, "linear");
      x = b.batchNorm(name + "expand_bn", x, EPSILON);
      x = b.activation(name + "expand_activation", x, SWISH);
    }
    if (stride == 2) {
      // Keras's correct_pad on an even size: kernel/2 - 1 before, kernel/2 after.
      x = b.zeroPad(name + "dwconv_pad", x, kernel / 2 - 1, kernel / 2, kernel / 2 - 1,
          kernel / 2);
    }
    x = b.depthwise(name + "dwconv", x, kernel, stride, stride == 2 ? "valid" : "same", false);
    x = b.batchNorm(name + "bn", x, EPSILON);
    x = b.activation(name + "activation", x, SWISH);
    String se = b.globalAvgPool(name + "se_squeeze", x, false);
    se = b.reshape(name + "se_reshape", se, 1, 1, filters);
    se = b.conv(name + "se_reduce", se, Math.max(1, in / 4), 1, 1, 1, "same", true, SWISH);
    se = b.conv(name + "se_expand", se, filters, 1, 1, 1, "same", true, "sigmoid");
    x = b.multiply(name + "se_excite", x, se);
    x = b.conv(name + "project_conv", x, out, 1, 1, 1, "same", false, "linear");
    x = b.batchNorm(name + "project_bn", x, EPSILON);
    if (stride == 1 && in == out) {
      if (dropRate > 0) {
        x = b.dropout(name + "drop", x, dropRate);
      }
      x = b.add(name + "add", x, input);
    }
    return x;
  }
}
