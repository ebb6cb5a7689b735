package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.XaiCamException;
import dev.xaicam.engine.TensorEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Network: weight checks, forward probabilities, and native memory that does not leak. */
@Tag("native")
class NetworkTest {
  /** The tiny VGG16 used throughout. */
  static final Architecture TINY = Vgg16.architecture(16, 8, 10, 32);

  /** n preprocessed-looking random images. */
  static float[] images(long seed, int n) {
    double[] d = FiniteDifferences.random(seed, n * TINY.inputSize());
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) (100 * d[i]);
    }
    return f;
  }

  /** The weights with one layer's arrays replaced. */
  private static ModelWeights replacing(ModelWeights w, String layer, List<WeightArray> arrays) {
    Map<String, List<WeightArray>> m = new LinkedHashMap<>(w.byLayer());
    if (arrays == null) {
      m.remove(layer);
    } else {
      m.put(layer, arrays);
    }
    return new ModelWeights(m);
  }

  @Test
  void wrongWeightShapeNamesTheLayer() {
    ModelWeights w = Vgg16.randomWeights(TINY, 1);
    List<WeightArray> bad = new ArrayList<>(w.of("fc1"));
    bad.set(0, new WeightArray(new int[] {32, 3}, new float[96]));
    assertThatThrownBy(() -> Network.create(TINY, replacing(w, "fc1", bad)))
        .isInstanceOf(XaiCamException.class)
        .hasMessage("weights: layer 'fc1' kernel has shape (32, 3) but VGG16 expects (32, 8)")
        .extracting(e -> ((XaiCamException) e).exitCode()).isEqualTo(XaiCamException.EXIT_SETUP);
    assertThatThrownBy(() -> Network.create(TINY, replacing(w, "block2_conv1", null)))
        .hasMessageContaining("layer 'block2_conv1' is missing");
    assertThatThrownBy(() -> Network.create(TINY,
        replacing(w, "predictions", w.of("predictions").subList(0, 1))))
        .hasMessageContaining("layer 'predictions' has 1 arrays but VGG16 expects 2");
    assertThatThrownBy(() -> Network.create(TINY,
        replacing(w, "block1_pool", w.of("predictions"))))
        .hasMessageContaining("layer 'block1_pool' has 2 arrays but VGG16 expects none");
  }

  @Test
  void probabilitiesAreTheSoftmaxOfTheForwardPassLogits() {
    try (Network net = Network.create(TINY, Vgg16.randomWeights(TINY, 2))) {
      float[] x = images(3, 2);
      float[][] p = net.probabilities(x, 2);
      try (ForwardPass pass = net.forward(x, 2, 16)) {
        float[][] logits = pass.logits();
        for (int b = 0; b < 2; b++) {
          double sum = 0;
          for (float l : logits[b]) {
            sum += Math.exp(l);
          }
          double total = 0;
          for (int c = 0; c < 10; c++) {
            assertThat((double) p[b][c]).isCloseTo(Math.exp(logits[b][c]) / sum, within(1e-6));
            total += p[b][c];
          }
          assertThat(total).isCloseTo(1, within(1e-5));
          assertThat(pass.probabilities()[b]).containsExactly(p[b], within(1e-6f));
        }
        assertThat(p[0]).isNotEqualTo(p[1]);
      }
      // a batch gives each image what it gets alone
      assertThat(net.probabilities(images(3, 2), 2)[1])
          .containsExactly(net.probabilities(java.util.Arrays.copyOfRange(x,
              TINY.inputSize(), 2 * TINY.inputSize()), 1)[0], within(1e-6f));
    }
  }

  @Test
  void rejectsBadInputsAndNonSpatialTargets() {
    try (Network net = Network.create(TINY, Vgg16.randomWeights(TINY, 2))) {
      assertThatThrownBy(() -> net.probabilities(new float[10], 1))
          .hasMessageContaining("got 10");
      assertThatThrownBy(() -> net.forward(images(1, 1), 1, 19))
          .isInstanceOf(XaiCamException.class).hasMessageContaining("'fc1'")
          .hasMessageContaining("block5_conv3");
      assertThatThrownBy(() -> net.maskScorer(images(1, 1), 10, 4)).hasMessageContaining("got 10");
    }
  }

  @Test
  void repeatedForwardPassesDoNotGrowNativeMemory() {
    try (Network net = Network.create(TINY, Vgg16.randomWeights(TINY, 4))) {
      float[] x = images(5, 1);
      int live = TensorEngine.liveTensorCount();
      int scopes = TensorEngine.openScopeCount();
      for (int i = 0; i < 200; i++) {
        try (ForwardPass pass = net.forward(x, 1, 8)) {
          pass.signals(new int[] {i % 10});
        }
        net.probabilities(x, 1);
      }
      assertThat(TensorEngine.liveTensorCount()).isEqualTo(live);
      assertThat(TensorEngine.openScopeCount()).isEqualTo(scopes);
    }
  }

  @Test
  void closingTheNetworkFreesItsWeightsAndOpenPasses() {
    int live = TensorEngine.liveTensorCount();
    Network net = Network.create(TINY, Vgg16.randomWeights(TINY, 4));
    assertThat(TensorEngine.liveTensorCount()).isEqualTo(live + 32); // 16 weighted layers x 2
    ForwardPass pass = net.forward(images(5, 1), 1, 8);
    net.close();
    pass.close();
    assertThat(TensorEngine.liveTensorCount()).isEqualTo(live);
  }
}
