package dev.xaicam.architectures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Glorot-uniform kernels within Keras's limit, zero biases, normalisation layers as Keras builds
 * them, every layer listed, reproducible.
 */
class GlorotWeightsTest {

  @Test
  void kernelsStayWithinTheGlorotLimitAndBiasesAreZero() {
    ModelGraph graph = ModelGraph.of(DemoNet.spec(6));
    ModelWeights weights = GlorotWeights.of(graph, 1);
    assertThat(weights.byLayer().keySet()).containsExactlyElementsOf(graph.weightShapes().keySet());
    assertThat(weights.of("block1_pool")).isEmpty();
    WeightArray kernel = weights.of("block1_conv1").get(0);
    // fans 9 * 3 and 9 * 16: limit sqrt(6 / 171)
    double limit = Math.sqrt(6.0 / (27 + 144));
    float max = 0;
    for (float v : kernel.values()) {
      max = Math.max(max, Math.abs(v));
    }
    assertThat((double) max).isLessThanOrEqualTo(limit).isGreaterThan(0.9 * limit);
    assertThat(weights.of("block1_conv1").get(1).values()).containsOnly(0f);
    assertThat(GlorotWeights.of(graph, 1)).isEqualTo(weights);
    assertThat(GlorotWeights.of(graph, 2)).isNotEqualTo(weights);
  }

  @Test
  void normalisationLayersStartAsKerasBuildsThem() {
    ModelGraph mobileNet = ModelGraph.of(MobileNetV2.spec());
    assertThat(mobileNet.weightRoles().get("bn_Conv1"))
        .containsExactly("gamma", "beta", "moving_mean", "moving_variance");
    List<WeightArray> bn = GlorotWeights.of(mobileNet, 1).of("bn_Conv1");
    // Gamma and variance 1: zeros made every BN output zero, so MobileNetV2 and ResNet50 computed
    // nothing past their first BN.
    assertThat(bn.get(0).values()).hasSize(32).containsOnly(1f);
    assertThat(bn.get(1).values()).containsOnly(0f);
    assertThat(bn.get(2).values()).containsOnly(0f);
    assertThat(bn.get(3).values()).containsOnly(1f);

    ModelGraph efficientNet = ModelGraph.of(EfficientNetB0.spec());
    assertThat(efficientNet.weightRoles().get("normalization"))
        .containsExactly("mean", "variance", "count");
    List<WeightArray> normalization = GlorotWeights.of(efficientNet, 1).of("normalization");
    assertThat(normalization.get(0).values()).hasSize(3).containsOnly(0f);
    assertThat(normalization.get(1).values()).containsOnly(1f);
    assertThat(normalization.get(2).values()).containsExactly(0f);
  }
}
