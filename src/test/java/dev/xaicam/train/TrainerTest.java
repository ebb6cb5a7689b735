package dev.xaicam.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.model.Architecture;
import dev.xaicam.model.DemoNet;
import dev.xaicam.model.LossGradients;
import dev.xaicam.model.ModelWeights;
import dev.xaicam.model.Vgg16;
import dev.xaicam.shapes.ShapeSceneGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Trainer: a few Adam steps on one batch drive its loss down, and the start weights stay untouched. */
@Tag("native")
class TrainerTest {

  @Test
  void repeatedStepsOnOneBatchLowerItsLoss() {
    Architecture arch = DemoNet.architecture(6);
    ModelWeights initial = Vgg16.randomWeights(arch, 3);
    Trainer trainer = new Trainer(arch, initial);
    float[] inputs = new float[8 * arch.inputSize()];
    int[] labels = new int[8];
    TrainDemo.fill(new ShapeSceneGenerator(5, DemoNet.INPUT_SIZE), 0, inputs, labels);
    double first = trainer.step(inputs, 8, labels, 1e-3).loss();
    LossGradients last = null;
    for (int i = 0; i < 30; i++) {
      last = trainer.step(inputs, 8, labels, 1e-3);
    }
    assertThat(first).isBetween(1.0, 3.0);
    assertThat(last.loss()).isLessThan(first / 2);
    assertThat(last.correct()).isEqualTo(8);
    assertThat(initial).isEqualTo(Vgg16.randomWeights(arch, 3));
    assertThat(trainer.weights()).isNotEqualTo(initial);
  }

  @Test
  void rejectsANonPositiveLearningRate() {
    Architecture arch = DemoNet.architecture(2);
    Trainer trainer = new Trainer(arch, Vgg16.randomWeights(arch, 3));
    assertThatThrownBy(() -> trainer.step(new float[arch.inputSize()], 1, new int[] {0}, 0))
        .hasMessage("learning rate must be > 0, got 0.0");
  }
}
