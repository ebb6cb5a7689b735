package dev.xaicam.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Batching of images sent to a classifier. */
class BatchedScoresTest {

  @Test
  void sendsFullBatchesThenTheRestAndKeepsTheOrder() {
    FakeClassifier classifier = new FakeClassifier(1, 1, 1, 2);
    BatchedScores scores = new BatchedScores(classifier);

    for (int i = 0; i < 5; i++) {
      scores.add(new float[] {51 * i});
    }

    assertThat(classifier.calls).containsExactly(2, 2);
    assertThat(scores.finish()).containsExactly(0, 0.2, 0.4, 0.6, 0.8);
    assertThat(classifier.calls).containsExactly(2, 2, 1);
  }

  @Test
  void refusesABadBatchSizeAndAMiscountingClassifier() {
    assertThatThrownBy(() -> new BatchedScores(new FakeClassifier(1, 1, 1, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("classifier batch size must be >= 1, got 0");
    Classifier miscounting =
        new Classifier() {
          @Override
          public int height() {
            return 1;
          }

          @Override
          public int width() {
            return 1;
          }

          @Override
          public int channels() {
            return 1;
          }

          @Override
          public int batchSize() {
            return 4;
          }

          @Override
          public double[] probabilities(float[][] batch) {
            return new double[batch.length + 1];
          }
        };
    BatchedScores broken = new BatchedScores(miscounting);
    broken.add(new float[1]);
    assertThatThrownBy(broken::finish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("classifier returned 2 probabilities for 1 images");
  }
}
