package dev.xaicam.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.cam.Heatmap;
import org.junit.jupiter.api.Test;

/** Average Drop and Increase in Confidence on a 2 x 2 image with fake classifiers. */
class ConfidenceChangeTest {

  /** Pixels 100, 200, 50, 0: mean 87.5. */
  private static final InputImage IMAGE =
      new InputImage(2, 2, 1, new float[] {100, 200, 50, 0});
  /** The map 1, 0.5, 0, 0.25 makes the masked image 100, 100, 0, 0: mean 50. */
  private static final Heatmap MAP = new Heatmap(2, 2, new float[] {1, 0.5f, 0, 0.25f});

  @Test
  void dropIsTheRelativeLossOfProbability() {
    FakeClassifier classifier = new FakeClassifier(2, 2, 1, 2);

    ConfidenceChange change = ConfidenceChange.measure(classifier, IMAGE, MAP);

    // Y = 87.5 / 255, O = 50 / 255, drop = 37.5 / 87.5 = 3 / 7
    assertThat(change.y()).isCloseTo(87.5 / 255, within(1e-12));
    assertThat(change.o()).isCloseTo(50 / 255.0, within(1e-12));
    assertThat(change.drop()).isCloseTo(3 / 7.0, within(1e-12));
    assertThat(change.increase()).isFalse();
    assertThat(classifier.calls).containsExactly(2);
    assertThat(classifier.images.get(1)).containsExactly(100, 100, 0, 0);
  }

  @Test
  void aHigherProbabilityOnTheMaskedImageIsAnIncreaseAndNoDrop() {
    FakeClassifier darkLover = new FakeClassifier(2, 2, 1, 1, true);

    ConfidenceChange change = ConfidenceChange.measure(darkLover, IMAGE, MAP);

    // Y = 1 - 87.5 / 255, O = 1 - 50 / 255 > Y
    assertThat(change.o()).isCloseTo(1 - 50 / 255.0, within(1e-12));
    assertThat(change.drop()).isZero();
    assertThat(change.increase()).isTrue();
    assertThat(darkLover.calls).containsExactly(1, 1);
  }

  @Test
  void theMapScalesEveryChannelOfAPixel() {
    FakeClassifier classifier = new FakeClassifier(1, 2, 3, 2);
    InputImage rgb = new InputImage(1, 2, 3, new float[] {10, 20, 30, 40, 50, 60});

    ConfidenceChange.measure(classifier, rgb, new Heatmap(1, 2, new float[] {0.5f, 1}));

    assertThat(classifier.images.get(1)).containsExactly(5, 10, 15, 40, 50, 60);
  }

  @Test
  void aZeroProbabilityHasNoDrop() {
    InputImage black = new InputImage(2, 2, 1, new float[4]);

    ConfidenceChange change =
        ConfidenceChange.measure(new FakeClassifier(2, 2, 1, 2), black, MAP);

    assertThat(change).isEqualTo(new ConfidenceChange(0, 0, 0, false));
  }
}
