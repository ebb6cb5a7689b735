package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.cam.LayerSignal;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ForwardPass: the whole tiny VGG16's backward pass against finite differences of its forward. */
@Tag("native")
class ForwardPassTest {
  /** The tiny VGG16 of {@link NetworkTest}. */
  private static final Architecture TINY = NetworkTest.TINY;

  @Test
  void logitGradientAtAnInnerLayerMatchesFiniteDifferences() {
    // block3_conv2 feeds a conv layer: feeding post-relu zeros straight into a max pool would
    // create pooling ties, where finite differences and any backward pass legitimately disagree
    int target = TINY.layer("block3_conv2").orElseThrow().index();
    int[] classes = {3, 7};
    try (Network net = Network.create(TINY, Vgg16.randomWeights(TINY, 11), true);
        ForwardPass pass = net.forward(NetworkTest.images(12, 2), 2, target)) {
      List<LayerSignal> signals = pass.signals(classes);
      assertThat(signals).hasSize(2);
      LayerSignal s0 = signals.get(0);
      assertThat(new int[] {s0.height(), s0.width(), s0.channels()}).containsExactly(8, 8, 16);
      int size = 8 * 8 * 16;
      double[] a = new double[2 * size];
      double[] g = new double[2 * size];
      for (int b = 0; b < 2; b++) {
        LayerSignal s = signals.get(b);
        assertThat(s.targetClass()).isEqualTo(classes[b]);
        assertThat(s.targetLogit()).isEqualTo(pass.logits()[b][classes[b]]);
        for (int i = 0; i < size; i++) {
          a[b * size + i] = s.activations()[i];
          g[b * size + i] = s.gradients()[i];
        }
      }
      // the activations re-fed above the target give back the logits
      double[][] logits = net.logitsFrom(target, a, 2);
      assertThat(logits[1][7]).isCloseTo(pass.logits()[1][7], within(1e-4));
      // directional derivative of S_0 + S_1 along a random direction
      double[] v = FiniteDifferences.random(13, a.length);
      double h = FiniteDifferences.STEP;
      double[][] plus = net.logitsFrom(target, FiniteDifferences.step(a, h, v), 2);
      double[][] minus = net.logitsFrom(target, FiniteDifferences.step(a, -h, v), 2);
      double numeric = (plus[0][3] - minus[0][3] + plus[1][7] - minus[1][7]) / (2 * h);
      double analytic = FiniteDifferences.dot(g, v);
      assertThat(Math.abs(numeric)).as("a non-trivial test").isGreaterThan(1e-4);
      assertThat(analytic).isCloseTo(numeric, within(1e-4 * Math.abs(numeric)));
      // one coordinate of image 1 with a clearly non-zero gradient, elementwise
      int k = size;
      for (int i = size; i < 2 * size; i++) {
        if (Math.abs(g[i]) > Math.abs(g[k])) {
          k = i;
        }
      }
      double[] e = new double[a.length];
      e[k] = 1;
      double partial = (net.logitsFrom(target, FiniteDifferences.step(a, h, e), 2)[1][7]
          - net.logitsFrom(target, FiniteDifferences.step(a, -h, e), 2)[1][7]) / (2 * h);
      assertThat(Math.abs(partial)).isGreaterThan(1e-4);
      assertThat(g[k]).isCloseTo(partial, within(1e-4 * Math.abs(partial)));
    }
  }

  @Test
  void signalsCanBeRecomputedForOtherTargetsAndActivationsCarryNoGradient() {
    try (Network net = Network.create(TINY, Vgg16.randomWeights(TINY, 21));
        ForwardPass pass = net.forward(NetworkTest.images(22, 2), 2, 16)) {
      LayerSignal first = pass.signals(new int[] {1, 2}).get(0);
      LayerSignal other = pass.signals(new int[] {5, 2}).get(0);
      assertThat(other.activations()).isEqualTo(first.activations());
      assertThat(other.gradients()).isNotEqualTo(first.gradients());
      assertThat(pass.signals(new int[] {1, 9}).get(0)).isEqualTo(first);
      LayerSignal plain = pass.activations(1, 4);
      assertThat(plain.hasGradients()).isFalse();
      assertThat(plain.targetLogit()).isEqualTo(pass.logits()[1][4]);
      assertThat(plain.activations()).hasSize(2 * 2 * 32);
      assertThatThrownBy(() -> pass.signals(new int[] {1})).hasMessageContaining("got 1 classes");
      assertThatThrownBy(() -> pass.activations(2, 0)).hasMessageContaining("got 2");
    }
  }
}
