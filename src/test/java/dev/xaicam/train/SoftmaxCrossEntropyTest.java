package dev.xaicam.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Softmax cross-entropy: hand-worked loss, gradient, accuracy, and no overflow. */
class SoftmaxCrossEntropyTest {

  @Test
  void lossGradientAndAccuracyOfAHandWorkedBatch() {
    // row 0: softmax (1/4, 3/4), label 1: -ln(3/4), right; row 1: (1/2, 1/2), label 1: ln 2,
    // wrong (a tie goes to the first class)
    double[][] logits = {{0, Math.log(3)}, {5, 5}};
    SoftmaxCrossEntropy ce = SoftmaxCrossEntropy.of(logits, new int[] {1, 1});
    assertThat(ce.loss()).isCloseTo((-Math.log(0.75) + Math.log(2)) / 2, within(1e-15));
    assertThat(ce.correct()).isEqualTo(1);
    assertThat(ce.logitGradients()[0]).containsExactly(new double[] {0.25 / 2, -0.25 / 2},
        within(1e-15));
    assertThat(ce.logitGradients()[1]).containsExactly(new double[] {0.25, -0.25}, within(1e-15));
  }

  @Test
  void largeLogitsNeitherOverflowNorLoseTheLoss() {
    SoftmaxCrossEntropy ce = SoftmaxCrossEntropy.of(new double[][] {{1000, 0}}, new int[] {1});
    assertThat(ce.loss()).isCloseTo(1000, within(1e-9));
  }

  @Test
  void labelsMustFitTheBatchAndClasses() {
    assertThatThrownBy(() -> SoftmaxCrossEntropy.of(new double[][] {{0, 0}}, new int[] {0, 1}))
        .hasMessage("need one label per image: 1 images, got 2 labels");
    assertThatThrownBy(() -> SoftmaxCrossEntropy.of(new double[][] {{0, 0}}, new int[] {2}))
        .hasMessage("label must be in [0, 2), got 2");
  }
}
