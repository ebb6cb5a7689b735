package dev.xaicam.network;

import static dev.xaicam.network.TestGraphs.input;
import static dev.xaicam.network.TestGraphs.nested;
import static dev.xaicam.network.TestGraphs.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.architectures.Vgg16;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Target layers: the default rule, names and paths, tf-keras-vis's index rule, clear refusals. */
class TargetResolverTest {
  /** VGG16 at full size (no weights needed). */
  private final ModelGraph vgg = ModelGraph.of(Vgg16.spec());

  /**
   * A Sequential around a nested base: base/input, base/conv_a (4x4), base/out_relu (ReLU),
   * base/pool, then top-level GlobalAverage stand-ins (flatten, dense) and a second nested model
   * "head" holding its own out_relu over a 1x1 map; so {@code out_relu} is ambiguous.
   */
  private final ModelGraph nestedModel = ModelGraph.of(new GraphSpec("wrapper", List.of(
      nested(List.of("base"), "input", "InputLayer", input(8, 8, 3)),
      nested(List.of("base"), "conv_a", "Conv2D",
          "{\"filters\":4,\"kernel_size\":3,\"strides\":2,\"padding\":\"same\"}", "base/input"),
      nested(List.of("base"), "out_relu", "ReLU", "{\"max_value\":6.0}", "base/conv_a"),
      nested(List.of("base"), "pool", "MaxPooling2D", "{\"pool_size\":4}", "base/out_relu"),
      nested(List.of("head"), "out_relu", "ReLU", "{}", "base/pool"),
      node("flatten", "Flatten", "{}", "head/out_relu"),
      node("predictions", "Dense", "{\"units\":3,\"activation\":\"softmax\"}", "flatten")),
      "predictions"));

  @Test
  void defaultIsTheLastMapThatIsNeitherPoolingNorOneByOne() {
    assertThat(vgg.defaultTarget().name()).isEqualTo("block5_conv3");
    assertThat(vgg.defaultTarget().shape()).containsExactly(14, 14, 512);
    assertThat(vgg.defaultTarget().requested()).isNull();
    // head/out_relu has a 1x1 map and base/pool pools: the nested base's out_relu wins
    assertThat(nestedModel.defaultTarget().name()).isEqualTo("base/out_relu");
  }

  @Test
  void namesResolveByFullPathOrUniqueSuffix() {
    assertThat(vgg.target("block4_conv1").index()).isEqualTo(11);
    assertThat(vgg.target(" block5_pool ").name()).isEqualTo("block5_pool");
    assertThat(nestedModel.target("base/out_relu").name()).isEqualTo("base/out_relu");
    assertThat(nestedModel.target("conv_a").name()).isEqualTo("base/conv_a");
    assertThat(nestedModel.target("head/out_relu").shape()).containsExactly(1, 1, 4);
    assertThatThrownBy(() -> nestedModel.target("out_relu")).isInstanceOf(XaiCamException.class)
        .hasMessage("layer name 'out_relu' is ambiguous in wrapper: 'base/out_relu',"
            + " 'head/out_relu'; give its full path");
  }

  @Test
  void unknownNamesSuggestTheNearestAndMapLessLayersAreRefused() {
    assertThatThrownBy(() -> vgg.target("block5_conv4")).isInstanceOf(XaiCamException.class)
        .hasMessageStartingWith("unknown layer 'block5_conv4' in VGG16 (did you mean"
            + " 'block5_conv1' or 'block5_conv2' or 'block5_conv3'?); layers: input_1,");
    assertThatThrownBy(() -> vgg.target("fc1")).isInstanceOf(XaiCamException.class)
        .hasMessage("layer 'fc1' has no H x W x C feature map; choose a layer with one, such as"
            + " 'block5_conv3'");
  }

  @Test
  void indicesSeekTheNearestConvolutionAsTfKerasVisDoes() {
    // Keras's VGG16 model.layers: 0 input_1, 1 block1_conv1, 2 block1_conv2, 3 block1_pool
    assertThat(vgg.target("3").name()).isEqualTo("block1_conv2");
    assertThat(vgg.target("1").name()).isEqualTo("block1_conv1");
    assertThat(vgg.target("-1").name()).isEqualTo("block5_conv3");
    assertThat(vgg.target("-1").requested()).isEqualTo("-1");
    // the nested base is one entry (index 0 here); the seek goes inside it, last layer first
    assertThat(nestedModel.target("2").name()).isEqualTo("base/conv_a");
    assertThatThrownBy(() -> vgg.target("0")).isInstanceOf(XaiCamException.class)
        .hasMessage("no convolutional layer at or before layer index 0 (the input layer); give"
            + " one, e.g. block5_conv3");
    assertThatThrownBy(() -> vgg.target("23")).isInstanceOf(XaiCamException.class)
        .hasMessage("layer index 23 is out of range: the model has layers 0..22 (0 is the input)");
  }

  @Test
  void theInputIsATargetForInputGradients() {
    TargetNode input = vgg.inputTarget();
    assertThat(input.index()).isZero();
    assertThat(input.name()).isEqualTo("input_1");
    assertThat(input.size()).isEqualTo(224 * 224 * 3);
  }
}
