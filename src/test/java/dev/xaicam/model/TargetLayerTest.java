package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import org.junit.jupiter.api.Test;

class TargetLayerTest {
  private final Architecture vgg16 = Vgg16.architecture();

  private String resolve(String spec) {
    return TargetLayer.resolve(vgg16, spec).name();
  }

  @Test
  void defaultsToTheLastConvolution() {
    assertThat(resolve(null)).isEqualTo("block5_conv3");
    assertThat(TargetLayer.resolve(vgg16, null).channels()).isEqualTo(512);
  }

  @Test
  void aConvolutionByNameIsTakenAsIs() {
    assertThat(resolve("block4_conv3")).isEqualTo("block4_conv3");
    assertThat(resolve("block1_conv1")).isEqualTo("block1_conv1");
  }

  @Test
  void aNonConvolutionalLayerSeeksBackToTheNearestConvolution() {
    assertThat(resolve("block4_pool")).isEqualTo("block4_conv3");
    assertThat(resolve("fc1")).isEqualTo("block5_conv3");
    assertThat(resolve("predictions")).isEqualTo("block5_conv3");
  }

  @Test
  void indicesCountLikeKerasModelLayersWithTheInputAtZero() {
    assertThat(resolve("1")).isEqualTo("block1_conv1");
    assertThat(resolve("13")).isEqualTo("block4_conv3");
    assertThat(resolve("14")).isEqualTo("block4_conv3"); // block4_pool seeks back
    assertThat(resolve("-1")).isEqualTo("block5_conv3"); // predictions
    assertThat(resolve("-5")).isEqualTo("block5_conv3"); // block5_pool
    assertThat(TargetLayer.resolve(vgg16, "13").position()).isEqualTo(12);
  }

  @Test
  void outOfRangeAndInputIndicesAreUsageErrors() {
    assertThatThrownBy(() -> resolve("23"))
        .isInstanceOf(XaiCamException.class)
        .hasMessageContaining("out of range")
        .hasMessageContaining("0..22");
    assertThatThrownBy(() -> resolve("0")).hasMessageContaining("input layer");
    assertThatThrownBy(() -> resolve("-23")).hasMessageContaining("input layer");
    assertThat(catchExit(() -> resolve("99"))).isEqualTo(XaiCamException.EXIT_USAGE);
  }

  @Test
  void anUnknownNameListsTheLayersAndSuggestsTheClosest() {
    assertThatThrownBy(() -> resolve("block5conv3"))
        .isInstanceOf(XaiCamException.class)
        .hasMessageContaining("unknown layer 'block5conv3'")
        .hasMessageContaining("did you mean 'block5_conv3'?")
        .hasMessageContaining("block1_conv1, block1_conv2");
    assertThatThrownBy(() -> resolve("zzzzzzzzzzzzzzzzzzzzzzzzz")).message().doesNotContain("did you mean");
  }

  private static int catchExit(Runnable r) {
    try {
      r.run();
      return -1;
    } catch (XaiCamException e) {
      return e.exitCode();
    }
  }
}
