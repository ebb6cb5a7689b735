package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** DemoNet: Keras-style names, shapes, and its last convolution as the default CAM layer. */
class DemoNetTest {

  @Test
  void layersChainFrom64x64x3ToTheClasses() {
    Architecture arch = DemoNet.architecture(6);
    assertThat(arch.layers()).extracting(LayerInfo::name).containsExactly("block1_conv1", "block1_pool",
        "block2_conv1", "block2_conv2", "block2_pool", "block3_pool", "block4_pool", "flatten", "fc1", "predictions");
    assertThat(arch.inputSize()).isEqualTo(64 * 64 * 3);
    assertThat(arch.layer("block2_conv2").orElseThrow().outputShape()).containsExactly(32, 32, 64);
    assertThat(arch.lastConvLayer().name()).isEqualTo("block2_conv2");
    assertThat(arch.layer("flatten").orElseThrow().outputShape()).containsExactly(4 * 4 * 64);
    assertThat(arch.classCount()).isEqualTo(6);
    // 3x3 kernels: 16*27+16, 32*144+32, 64*288+64, then 1024*64+64, 64*6+6
    assertThat(Vgg16.randomWeights(arch, 1).parameterCount()).isEqualTo(
        448 + 4640 + 18496 + 65600 + 390);
  }

  @Test
  void needsAtLeastTwoClasses() {
    assertThatThrownBy(() -> DemoNet.architecture(1)).hasMessage("classes must be >= 2, got 1");
  }
}
