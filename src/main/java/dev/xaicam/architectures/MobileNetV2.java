package dev.xaicam.architectures;

import dev.xaicam.network.GraphSpec;

/**
 * Keras Applications' MobileNetV2 with width multiplier 1.0 at 224x224 ({@code include_top=True})
 * as a graph with Keras's layer names: a stride-2 stem, 17 inverted residual blocks with ReLU6,
 * a 1280-wide 1x1 convolution ending in {@code out_relu}, and a 1000-way softmax.
 */
public final class MobileNetV2 {
  /** Input height and width in pixels. */
  public static final int INPUT_SIZE = 224;
  /** BatchNormalization's epsilon throughout. */
  private static final double EPSILON = 1e-3;
  /** ReLU6's cap. */
  private static final double RELU6 = 6.0;
  /** Per block: output filters, stride, expansion (alpha 1.0, so no rounding is needed). */
  private static final int[][] BLOCKS = {
      {16, 1, 1}, {24, 2, 6}, {24, 1, 6}, {32, 2, 6}, {32, 1, 6}, {32, 1, 6}, {64, 2, 6},
      {64, 1, 6}, {64, 1, 6}, {64, 1, 6}, {96, 1, 6}, {96, 1, 6}, {96, 1, 6}, {160, 2, 6},
      {160, 1, 6}, {160, 1, 6}, {320, 1, 6}};

  /** Static factory only. */
  private MobileNetV2() {}

  /** The ImageNet MobileNetV2 (alpha 1.0): 224x224x3 input, 1000 classes. */
  public static GraphSpec spec() {
    KerasGraphBuilder b = new KerasGraphBuilder("mobilenetv2_1.00_224", "input_1", INPUT_SIZE,
        INPUT_SIZE, 3);
    String x = b.conv("Conv1", b.last(), 32, 3, 3, 2, "same", false, "linear");
    x = b.batchNorm("bn_Conv1", x, EPSILON);
    x = b.relu("Conv1_relu", x, RELU6);
    int channels = 32;
    int size = INPUT_SIZE / 2;
    for (int id = 0; id < BLOCKS.length; id++) {
      x = block(b, x, id, channels, size, BLOCKS[id][0], BLOCKS[id][1], BLOCKS[id][2]);
      channels = BLOCKS[id][0];
      size /= BLOCKS[id][1];
    }
    x = b.conv("Conv_1", x, 1280, 1, 1, 1, "valid", false, "linear");
    x = b.batchNorm("Conv_1_bn", x, EPSILON);
    x = b.relu("out_relu", x, RELU6);
    x = b.globalAvgPool(b.auto("global_average_pooling2d"), x, false);
    b.dense("predictions", x, 1000, "softmax");
    return b.build();
  }

  /** One inverted residual block: expand (not in block 0), depthwise 3x3, project, maybe add. */
  private static String block(KerasGraphBuilder b, String input, int id, int in, int size,
      int filters, int stride, int expansion) {
    String prefix = id == 0 ? "expanded_conv_" : "block_" + id + "_";
    String x = input;
    if (id > 0) {
      x = b.conv(prefix + "expand", x, expansion * in, 1, 1, 1, "same", false, "linear");
      x = b.batchNorm(prefix + "expand_BN", x, EPSILON);
      x = b.relu(prefix + "expand_relu", x, RELU6);
    }
    if (stride == 2) {
      // Keras's correct_pad for a 3x3 kernel on an even size: one row and column after.
      int before = size % 2 == 0 ? 0 : 1;
      x = b.zeroPad(prefix + "pad", x, before, 1, before, 1);
    }
    x = b.depthwise(prefix + "depthwise", x, 3, stride, stride == 1 ? "same" : "valid", false);
    x = b.batchNorm(prefix + "depthwise_BN", x, EPSILON);
    x = b.relu(prefix + "depthwise_relu", x, RELU6);
    x = b.conv(prefix + "project", x, filters, 1, 1, 1, "same", false, "linear");
    x = b.batchNorm(prefix + "project_BN", x, EPSILON);
    return in == filters && stride == 1 ? b.add(prefix + "add", input, x) : x;
  }
}
