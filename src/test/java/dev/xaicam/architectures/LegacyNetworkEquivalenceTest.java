package dev.xaicam.architectures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.cam.LayerSignal;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.model.Architecture;
import dev.xaicam.model.ForwardPass;
import dev.xaicam.model.Network;
import dev.xaicam.model.TargetLayer;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.GraphPass;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.Precision;
import dev.xaicam.network.TargetNode;
import dev.xaicam.network.WeightArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Evidence for the switch-over: on the same random weights and inputs, the graph network gives
 * the old sequential {@code dev.xaicam.model.Network}'s logits, probabilities, Grad-CAM signals,
 * Score-CAM scores and default target, for VGG16 (shrunk) and the demo net (full size). Delete
 * this class together with {@code dev.xaicam.model}.
 */
@Tag("native")
class LegacyNetworkEquivalenceTest {
  /** Agreement asked of every value. */
  private static final double TOLERANCE = 1e-5;

  @Test
  void vgg16GraphMatchesTheOldNetwork() {
    Architecture old = dev.xaicam.model.Vgg16.architecture(8, 32, 10, 64);
    ModelGraph graph = ModelGraph.of(Vgg16.spec(8, 32, 10, 64));
    assertEquivalent(old, graph, 3, 11, false, "block4_conv2");
  }

  @Test
  void demoNetGraphMatchesTheOldNetworkAtFullSize() {
    Architecture old = dev.xaicam.model.DemoNet.architecture(6);
    ModelGraph graph = ModelGraph.of(DemoNet.spec(6));
    assertEquivalent(old, graph, 4, 21, false, "block1_conv1");
  }

  @Test
  void float64NetworksMatchToo() {
    Architecture old = dev.xaicam.model.DemoNet.architecture(6);
    ModelGraph graph = ModelGraph.of(DemoNet.spec(6));
    assertEquivalent(old, graph, 2, 31, true, "block2_conv1");
  }

  @Test
  void glorotWeightsDrawTheSameValuesAsTheOldRandomWeights() {
    Architecture old = dev.xaicam.model.DemoNet.architecture(6);
    ModelGraph graph = ModelGraph.of(DemoNet.spec(6));
    assertThat(GlorotWeights.of(graph, 42)).isEqualTo(convert(dev.xaicam.model.Vgg16
        .randomWeights(old, 42)));
  }

  /** Runs both networks on {@code batch} random images and compares everything CAMs read. */
  private static void assertEquivalent(Architecture old, ModelGraph graph, int batch, long seed,
      boolean float64, String otherLayer) {
    dev.xaicam.model.ModelWeights legacy = dev.xaicam.model.Vgg16.randomWeights(old, seed);
    float[] inputs = random(seed, batch * old.inputSize());
    int[] classes = new int[batch];
    for (int b = 0; b < batch; b++) {
      classes[b] = (b * 7 + 1) % old.classCount();
    }
    try (Network network = Network.create(old, legacy, float64);
        GraphNetwork graphNetwork = GraphNetwork.create(graph, convert(legacy),
            TensorRuntime.shared(), float64 ? Precision.FLOAT64 : Precision.FLOAT32)) {
      for (String layer : new String[] {null, otherLayer, "-1"}) {
        TargetLayer oldTarget = TargetLayer.resolve(old, layer);
        TargetNode target = graph.target(layer);
        assertThat(target.name()).isEqualTo(oldTarget.name());
        try (ForwardPass before = network.forward(inputs, batch, oldTarget.position());
            GraphPass after = graphNetwork.forward(inputs, batch, target)) {
          float[][] oldLogits = before.logits();
          float[][] oldProbabilities = before.probabilities();
          List<LayerSignal> oldSignals = before.signals(classes);
          List<LayerSignal> newSignals = after.signals(classes);
          for (int b = 0; b < batch; b++) {
            assertClose(after.logits()[b], oldLogits[b]);
            assertClose(after.probabilities()[b], oldProbabilities[b]);
            LayerSignal o = oldSignals.get(b);
            LayerSignal n = newSignals.get(b);
            assertThat(n.height() * n.width() * n.channels())
                .isEqualTo(o.height() * o.width() * o.channels());
            assertClose(n.activations(), o.activations());
            assertClose(n.gradients(), o.gradients());
            assertThat(n.targetLogit()).isCloseTo(o.targetLogit(), within(TOLERANCE));
          }
        }
      }
      float[] image = java.util.Arrays.copyOf(inputs, old.inputSize());
      float[][] masks = new float[3][old.inputHeight() * old.inputWidth()];
      for (int m = 0; m < masks.length; m++) {
        masks[m] = random(seed + m, masks[m].length);
      }
      double[] oldScores = network.maskScorer(image, 1, 2).score(masks);
      double[] newScores = graphNetwork.maskScorer(image, 1, 2).score(masks);
      assertThat(newScores).containsExactly(oldScores, within(TOLERANCE));
      assertClose(graphNetwork.probabilities(inputs, batch)[batch - 1],
          network.probabilities(inputs, batch)[batch - 1]);
    }
  }

  /** The old weight type as the new one, layer by layer. */
  static ModelWeights convert(dev.xaicam.model.ModelWeights legacy) {
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    legacy.byLayer().forEach((layer, arrays) -> byLayer.put(layer,
        arrays.stream().map(a -> new WeightArray(a.shape(), a.values())).toList()));
    return new ModelWeights(byLayer);
  }

  /** Elementwise agreement within {@link #TOLERANCE} relative to the values' scale. */
  private static void assertClose(double[] actual, float[] expected) {
    double scale = 1;
    for (float v : expected) {
      scale = Math.max(scale, Math.abs(v));
    }
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.length; i++) {
      assertThat(actual[i]).isCloseTo(expected[i], within(TOLERANCE * scale));
    }
  }

  /** As {@link #assertClose(double[], float[])} for floats. */
  private static void assertClose(float[] actual, float[] expected) {
    double[] widened = new double[actual.length];
    for (int i = 0; i < actual.length; i++) {
      widened[i] = actual[i];
    }
    assertClose(widened, expected);
  }

  /** n uniform values in [0, 1). */
  private static float[] random(long seed, int n) {
    Random r = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextFloat();
    }
    return v;
  }
}
