package dev.xaicam.architectures;

import dev.xaicam.network.GraphSpec;

/**
 * Keras Applications' VGG19 with its classifier top ({@code include_top=True}) as a graph, with
 * Keras's layer names: VGG16 with a fourth convolution in blocks 3 to 5.
 */
public final class Vgg19 {
  /** Input height and width in pixels. */
  public static final int INPUT_SIZE = 224;
  /** Conv widths of the five blocks. */
  private static final int[] BLOCK_WIDTHS = {64, 128, 256, 512, 512};
  /** Conv layers per block. */
  private static final int[] BLOCK_DEPTHS = {2, 2, 4, 4, 4};

  /** Static factory only. */
  private Vgg19() {}

  /** The ImageNet VGG19: 224x224x3 input, 16 conv layers, fc1/fc2 4096 units, 1000 classes. */
  public static GraphSpec spec() {
    KerasGraphBuilder b = new KerasGraphBuilder("vgg19", "input_1", INPUT_SIZE, INPUT_SIZE, 3);
    for (int block = 0; block < BLOCK_WIDTHS.length; block++) {
      for (int c = 1; c <= BLOCK_DEPTHS[block]; c++) {
        b.conv("block" + (block + 1) + "_conv" + c, BLOCK_WIDTHS[block], 3, "relu");
      }
      b.maxPool("block" + (block + 1) + "_pool");
    }
    return b.flatten("flatten").dense("fc1", 4096, "relu").dense("fc2", 4096, "relu")
        .dense("predictions", 1000, "softmax").build();
  }
}
