package dev.xaicam.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.architectures.DemoNet;
import dev.xaicam.architectures.GlorotWeights;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.model.Architecture;
import dev.xaicam.model.LossGradients;
import dev.xaicam.model.Network;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import dev.xaicam.shapes.ShapeSceneGenerator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Evidence that TrainDemo's recipe is unchanged by the switch to the graph network: from its
 * initial weights, a step measures the old network's loss, accuracy and every weight gradient.
 * Delete with {@code dev.xaicam.model}.
 */
@Tag("native")
class LegacyTrainingEquivalenceTest {

  @Test
  void aTrainingStepMatchesTheOldNetworksLossGradients() {
    ModelGraph graph = TrainDemo.graph();
    Architecture old = dev.xaicam.model.DemoNet.architecture(6);
    ModelWeights initial = GlorotWeights.of(graph, TrainDemo.INIT_SEED);
    assertThat(LegacyWeights.fromLegacy(dev.xaicam.model.Vgg16.randomWeights(old,
        TrainDemo.INIT_SEED))).isEqualTo(initial);
    float[] inputs = new float[8 * graph.inputSize()];
    int[] labels = new int[8];
    TrainDemo.fill(new ShapeSceneGenerator(TrainDemo.TRAIN_SEED, DemoNet.INPUT_SIZE), 0, inputs,
        labels);
    LossGradients before;
    try (Network network = Network.create(old, LegacyWeights.toLegacy(initial))) {
      before = network.lossGradients(inputs, 8, labels);
    }
    TrainingStep after = new Trainer(graph, initial, TensorRuntime.shared())
        .step(inputs, 8, labels, 1e-3);
    assertThat(after.loss()).isCloseTo(before.loss(), within(1e-6));
    assertThat(after.correct()).isEqualTo(before.correct());
    ModelWeights expected = LegacyWeights.fromLegacy(before.gradients());
    assertThat(after.gradients().byLayer().keySet()).containsAll(
        expected.byLayer().keySet().stream().filter(k -> !k.equals("input_1")).toList());
    expected.byLayer().forEach((layer, arrays) -> {
      List<WeightArray> actual = after.gradients().of(layer);
      assertThat(actual).hasSameSizeAs(arrays);
      for (int k = 0; k < arrays.size(); k++) {
        float[] e = arrays.get(k).values();
        float scale = 1e-3f;
        for (float v : e) {
          scale = Math.max(scale, Math.abs(v));
        }
        assertThat(actual.get(k).values()).as(layer + " " + k)
            .containsExactly(e, within(1e-5f * scale));
      }
    });
  }
}
