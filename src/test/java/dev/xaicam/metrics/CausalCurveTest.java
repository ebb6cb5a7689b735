package dev.xaicam.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.cam.Heatmap;
import org.junit.jupiter.api.Test;

/** Deletion and insertion on tiny images with a mean-brightness classifier, by hand. */
class CausalCurveTest {

  /** Pixels 255, 0, 51, 102: mean 102, probability 0.4. */
  private static final InputImage IMAGE = new InputImage(2, 2, 1, new float[] {255, 0, 51, 102});
  /** Saliency 0.9, 0.1, 0.5, 0.7: order 0, 3, 2, 1. */
  private static final Heatmap MAP = new Heatmap(2, 2, new float[] {0.9f, 0.1f, 0.5f, 0.7f});

  @Test
  void deletionRemovesTheMostSalientPixelsFirst() {
    FakeClassifier classifier = new FakeClassifier(2, 2, 1, 2);

    CausalCurve curve =
        CausalCurve.deletion(classifier, IMAGE, MAP, 4, DeletionSubstrate.ZERO);

    // [255,0,51,102] -> [0,0,51,102] -> [0,0,51,0] -> 0 -> 0, each mean / 255
    assertThat(curve.probabilities())
        .containsExactly(new double[] {0.4, 0.15, 0.05, 0, 0}, within(1e-12));
    // (0.6 - 0.4 / 2 - 0) / 4
    assertThat(curve.auc()).isCloseTo(0.1, within(1e-12));
    assertThat(classifier.calls).containsExactly(2, 2, 1);
  }

  @Test
  void stepsTakeTheCeilingOfPixelsOverSteps() {
    // 2 steps: 2 pixels each; 3 steps: also 2 pixels each, so only 2 steps are needed
    double[] two =
        CausalCurve.deletion(new FakeClassifier(2, 2, 1, 8), IMAGE, MAP, 2, DeletionSubstrate.ZERO)
            .probabilities();
    double[] three =
        CausalCurve.deletion(new FakeClassifier(2, 2, 1, 8), IMAGE, MAP, 3, DeletionSubstrate.ZERO)
            .probabilities();

    assertThat(two).containsExactly(new double[] {0.4, 0.05, 0}, within(1e-12));
    assertThat(three).containsExactly(two);
    assertThat(new CausalCurve(two).auc()).isCloseTo((0.45 - 0.2) / 2, within(1e-12));
  }

  @Test
  void deletionToTheMeanEndsAtTheMean() {
    CausalCurve curve =
        CausalCurve.deletion(new FakeClassifier(2, 2, 1, 8), IMAGE, MAP, 4, DeletionSubstrate.MEAN);

    // removed pixels become 102: [102,0,51,102], [102,0,51,102], [102,0,102,102], all 102
    assertThat(curve.probabilities())
        .containsExactly(new double[] {0.4, 0.25, 0.25, 0.3, 0.4}, within(1e-12));
  }

  @Test
  void insertionStartsBlurredAndPutsOriginalPixelsBack() {
    double k5 = RiseBlur.kernel()[5];
    double k4 = RiseBlur.kernel()[4];
    InputImage image = new InputImage(1, 2, 1, new float[] {200, 100});
    Heatmap map = new Heatmap(1, 2, new float[] {0.2f, 0.8f});

    CausalCurve curve = CausalCurve.insertion(new FakeClassifier(1, 2, 1, 8), image, map, 2);

    // blurred (see RiseBlurTest): b0 = k5 (200 k5 + 100 k4), b1 = k5 (100 k5 + 200 k4);
    // pixel 1 comes back first, then pixel 0
    double b0 = k5 * (200 * k5 + 100 * k4);
    double b1 = k5 * (100 * k5 + 200 * k4);
    assertThat(curve.probabilities())
        .containsExactly(
            new double[] {(b0 + b1) / 2 / 255, (b0 + 100) / 2 / 255, 150 / 255.0},
            within(1e-6));
  }

  @Test
  void aucIsTheTrapezoidOverTheUnitInterval() {
    assertThat(new CausalCurve(new double[] {1, 0.5, 0}).auc()).isEqualTo(0.5);
    assertThat(new CausalCurve(new double[] {0.2, 0.2}).auc()).isCloseTo(0.2, within(1e-15));
  }

  @Test
  void refusesBadArguments() {
    FakeClassifier classifier = new FakeClassifier(2, 2, 1, 2);

    assertThatThrownBy(
            () -> CausalCurve.deletion(classifier, IMAGE, MAP, 0, DeletionSubstrate.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("steps must be >= 1, got 0");
    assertThatThrownBy(() -> new CausalCurve(new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a curve needs at least 2 points");
  }
}
