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

  @Test
  void lossGradientsMatchFiniteDifferencesOfTheLoss() {
    Architecture arch = DemoNet.architecture(3);
    ModelWeights w = Vgg16.randomWeights(arch, 8);
    float[] x = new float[2 * arch.inputSize()];
    double[] d = FiniteDifferences.random(9, x.length);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.5 + 0.5 * d[i]);
    }
    int[] labels = {2, 0};
    LossGradients at;
    try (Network net = Network.create(arch, w, true)) {
      at = net.lossGradients(x, 2, labels);
    }
    // <grad, plus - minus> must equal loss(plus) - loss(minus) for a small random step in every
    // weight; 1e-6 is small enough that no relu or pooling decision flips (1e-3 flipped some)
    Map<String, List<WeightArray>> plus = new LinkedHashMap<>();
    Map<String, List<WeightArray>> minus = new LinkedHashMap<>();
    double predicted = 0;
    long seed = 100;
    for (Map.Entry<String, List<WeightArray>> e : w.byLayer().entrySet()) {
      List<WeightArray> p = new ArrayList<>();
      List<WeightArray> m = new ArrayList<>();
      for (int k = 0; k < e.getValue().size(); k++) {
        WeightArray a = e.getValue().get(k);
        double[] v = FiniteDifferences.random(seed++, a.values().length);
        float[] pv = new float[v.length];
        float[] mv = new float[v.length];
        float[] g = at.gradients().of(e.getKey()).get(k).values();
        assertThat(at.gradients().of(e.getKey()).get(k).shape()).containsExactly(a.shape());
        for (int i = 0; i < v.length; i++) {
          pv[i] = (float) (a.values()[i] + 1e-6 * v[i]);
          mv[i] = (float) (a.values()[i] - 1e-6 * v[i]);
          predicted += g[i] * ((double) pv[i] - mv[i]);
        }
        p.add(new WeightArray(a.shape(), pv));
        m.add(new WeightArray(a.shape(), mv));
      }
      plus.put(e.getKey(), p);
      minus.put(e.getKey(), m);
    }
    double lossPlus;
    double lossMinus;
    try (Network net = Network.create(arch, new ModelWeights(plus), true)) {
      lossPlus = net.lossGradients(x, 2, labels).loss();
    }
    try (Network net = Network.create(arch, new ModelWeights(minus), true)) {
      lossMinus = net.lossGradients(x, 2, labels).loss();
    }
    // hand-checkable loss scale: random weights give about ln(3) nats
    assertThat(at.loss()).isBetween(0.5, 2.5);
    assertThat(Math.abs(predicted)).as("a non-trivial test").isGreaterThan(1e-7);
    // the float32 forward passes leave about 1e-8 of rounding noise in the loss difference
    assertThat(lossPlus - lossMinus).isCloseTo(predicted, within(1e-3 * Math.abs(predicted) + 2e-8));
  }
}
