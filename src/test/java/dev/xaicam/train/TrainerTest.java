package dev.xaicam.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.architectures.DemoNet;
import dev.xaicam.architectures.GlorotWeights;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.shapes.ShapeSceneGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Trainer: a few Adam steps on one batch drive its loss down, and the start weights stay untouched. */
@Tag("native")
class TrainerTest {

  @Test
  void repeatedStepsOnOneBatchLowerItsLoss() {
    ModelGraph graph = ModelGraph.of(DemoNet.spec(6));
    ModelWeights initial = GlorotWeights.of(graph, 3);
    Trainer trainer = new Trainer(graph, initial, TensorRuntime.shared());
    float[] inputs = new float[8 * graph.inputSize()];
    int[] labels = new int[8];
    TrainDemo.fill(new ShapeSceneGenerator(5, DemoNet.INPUT_SIZE), 0, inputs, labels);
    double first = trainer.step(inputs, 8, labels, 1e-3).loss();
    TrainingStep last = null;
    for (int i = 0; i < 30; i++) {
      last = trainer.step(inputs, 8, labels, 1e-3);
    }
    assertThat(first).isBetween(1.0, 3.0);
    assertThat(last.loss()).isLessThan(first / 2);
    assertThat(last.correct()).isEqualTo(8);
    assertThat(initial).isEqualTo(GlorotWeights.of(graph, 3));
    assertThat(trainer.weights()).isNotEqualTo(initial);
  }

  @Test
  void rejectsANonPositiveLearningRate() {
    ModelGraph graph = ModelGraph.of(DemoNet.spec(2));
    Trainer trainer = new Trainer(graph, GlorotWeights.of(graph, 3), TensorRuntime.shared());
    assertThatThrownBy(() -> trainer.step(new float[graph.inputSize()], 1, new int[] {0}, 0))
        .hasMessage("learning rate must be > 0, got 0.0");
  }
}
