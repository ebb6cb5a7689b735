package dev.xaicam.architectures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import org.junit.jupiter.api.Test;

/** Glorot-uniform kernels within Keras's limit, zero biases, every layer listed, reproducible. */
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
}
