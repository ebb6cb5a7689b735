package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Output heads: scores, probabilities and seeds per kind, against hand-worked values. */
class OutputHeadTest {

  @Test
  void softmaxScoresAreLogitsAndProbabilitiesTheirSoftmax() {
    OutputHead head = OutputHead.of("softmax", 2);
    assertThat(head.kind()).isEqualTo(OutputHead.Kind.SOFTMAX);
    assertThat(head.stripsActivation()).isTrue();
    assertThat(head.scores(new double[] {0, Math.log(3)})).containsExactly(0, Math.log(3));
    assertThat(head.probabilities(new double[] {0, Math.log(3)}))
        .containsExactly(new double[] {0.25, 0.75}, within(1e-15));
    assertThat(head.probabilities(new double[] {1000, 1000})).containsExactly(0.5, 0.5);
    assertThat(head.seed(1)).containsExactly(0, 1);
  }

  @Test
  void singleSigmoidUnitIsTwoClassesScoredByPlusAndMinusTheLogit() {
    OutputHead head = OutputHead.of("sigmoid", 1);
    assertThat(head.kind()).isEqualTo(OutputHead.Kind.BINARY);
    assertThat(head.classCount()).isEqualTo(2);
    assertThat(head.scores(new double[] {2})).containsExactly(-2, 2);
    double p = 1 / (1 + Math.exp(-2));
    assertThat(head.probabilities(new double[] {2}))
        .containsExactly(new double[] {1 - p, p}, within(1e-15));
    assertThat(head.probabilities(new double[] {-800})).containsExactly(1, 0);
    assertThat(head.seed(0)).containsExactly(-1);
    assertThat(head.seed(1)).containsExactly(1);
  }

  @Test
  void severalSigmoidUnitsAreIndependentClasses() {
    OutputHead head = OutputHead.of("sigmoid", 3);
    assertThat(head.kind()).isEqualTo(OutputHead.Kind.MULTI_LABEL);
    assertThat(head.classCount()).isEqualTo(3);
    assertThat(head.probabilities(new double[] {0, 0, 0})).containsExactly(0.5, 0.5, 0.5);
    assertThat(head.seed(2)).containsExactly(0, 0, 1);
  }

  @Test
  void anyOtherOutputIsLinearWithSoftmaxProbabilities() {
    OutputHead head = OutputHead.of("relu", 2);
    assertThat(head.kind()).isEqualTo(OutputHead.Kind.LINEAR);
    assertThat(head.stripsActivation()).isFalse();
    assertThat(head.probabilities(new double[] {0, Math.log(3)}))
        .containsExactly(new double[] {0.25, 0.75}, within(1e-15));
    assertThatThrownBy(() -> head.checkClass(2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target class must be in [0, 2), got 2");
  }
}
