package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** VGG16's layer names, shapes, weight shapes and random initialisation. */
class Vgg16Test {

  @Test
  void fullArchitectureMatchesKerasApplications() {
    Architecture vgg = Vgg16.architecture();
    List<LayerInfo> layers = vgg.layers();
    assertThat(layers).extracting(LayerInfo::name).containsExactly("block1_conv1",
        "block1_conv2", "block1_pool", "block2_conv1", "block2_conv2", "block2_pool",
        "block3_conv1", "block3_conv2", "block3_conv3", "block3_pool", "block4_conv1",
        "block4_conv2", "block4_conv3", "block4_pool", "block5_conv1", "block5_conv2",
        "block5_conv3", "block5_pool", "flatten", "fc1", "fc2", "predictions");
    assertThat(vgg.layer("block5_conv3").orElseThrow().outputShape()).containsExactly(14, 14, 512);
    assertThat(vgg.layer("block5_pool").orElseThrow().outputShape()).containsExactly(7, 7, 512);
    assertThat(vgg.layer("flatten").orElseThrow().outputShape()).containsExactly(25088);
    assertThat(vgg.classCount()).isEqualTo(1000);
    assertThat(vgg.inputSize()).isEqualTo(224 * 224 * 3);
    assertThat(vgg.lastConvLayer().name()).isEqualTo("block5_conv3");
    assertThat(vgg.weightShapes(19).get(0)).containsExactly(25088, 4096);
    assertThat(vgg.weightShapes(0).get(0)).containsExactly(3, 3, 3, 64);
    assertThat(vgg.weightShapes(2)).isEmpty();
    long params = 0;
    for (int i = 0; i < layers.size(); i++) {
      for (int[] shape : vgg.weightShapes(i)) {
        long n = 1;
        for (int d : shape) {
          n *= d;
        }
        params += n;
      }
    }
    assertThat(params).isEqualTo(138_357_544L); // Keras's model.count_params()
  }

  @Test
  void tinyArchitectureKeepsNamesWithDividedWidths() {
    Architecture tiny = Vgg16.architecture(16, 8, 10, 32);
    assertThat(tiny.layers()).extracting(LayerInfo::name)
        .isEqualTo(Vgg16.architecture().layers().stream().map(LayerInfo::name).toList());
    assertThat(tiny.layer("block1_conv1").orElseThrow().outputShape()).containsExactly(32, 32, 4);
    assertThat(tiny.layer("block5_pool").orElseThrow().outputShape()).containsExactly(1, 1, 32);
    assertThat(tiny.layer("fc2").orElseThrow().outputShape()).containsExactly(8);
    assertThat(tiny.classCount()).isEqualTo(10);
    assertThatThrownBy(() -> Vgg16.architecture(3, 8, 10, 32))
        .hasMessageContaining("got 3");
    assertThatThrownBy(() -> Vgg16.architecture(16, 8, 10, 48))
        .hasMessageContaining("got 48");
  }

  @Test
  void randomWeightsListEveryLayerInFileOrderWithGlorotBounds() {
    Architecture tiny = Vgg16.architecture(16, 8, 10, 32);
    ModelWeights w = Vgg16.randomWeights(tiny, 7);
    assertThat(w.byLayer().keySet()).first().isEqualTo("input_1");
    assertThat(w.byLayer().keySet()).hasSize(23);
    assertThat(w.of("block1_pool")).isEmpty();
    assertThat(w.has("block1_pool")).isTrue();
    WeightArray kernel = w.of("block1_conv1").get(0);
    assertThat(kernel.shape()).containsExactly(3, 3, 3, 4);
    double limit = Math.sqrt(6.0 / (27 + 36));
    float max = 0;
    for (float v : kernel.values()) {
      max = Math.max(max, Math.abs(v));
    }
    assertThat((double) max).isLessThanOrEqualTo(limit).isGreaterThan(0.8 * limit);
    assertThat(w.of("fc1").get(1).values()).containsOnly(0f);
    assertThat(Vgg16.randomWeights(tiny, 7)).isEqualTo(w);
    assertThat(Vgg16.randomWeights(tiny, 8)).isNotEqualTo(w);
  }
}
