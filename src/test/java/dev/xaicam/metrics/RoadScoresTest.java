package dev.xaicam.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.cam.Heatmap;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ROAD on a 2 x 2 image with a mean-brightness classifier, by hand. In a 2 x 2 image every pixel
 * has 3 neighbours inside (two edges at 1/6, one corner at 1/12: weight 5/12), so a removed pixel
 * is (2 * edge + 2 * edge + corner) / 5.
 */
class RoadScoresTest {

  /** Pixels (0,0) = 40, (0,1) = 80, (1,0) = 120, (1,1) = 160. */
  private static final InputImage IMAGE = new InputImage(2, 2, 1, new float[] {40, 80, 120, 160});
  /** Saliency order: (0,1), (1,0), (1,1), (0,0). */
  private static final Heatmap MAP = new Heatmap(2, 2, new float[] {0.1f, 0.9f, 0.5f, 0.3f});

  @Test
  void removesMostAndLeastSalientPixelsAndImputesThem() {
    FakeClassifier classifier = new FakeClassifier(2, 2, 1, 4);

    RoadScores road =
        RoadScores.measure(classifier, IMAGE, MAP, new int[] {25, 50, 75}, 0, 1);

    // MoRF 25%: (0,1) = (2*40 + 2*160 + 120) / 5 = 104 -> mean 106
    // MoRF 50%: (0,1), (1,0) are corner neighbours: 5x = 400 + y, 5y = 400 + x -> 100, mean 100
    // MoRF 75%: only 40 is left, and all-40 solves the system -> mean 40
    // LeRF 25%: (0,0) = (2*80 + 2*120 + 160) / 5 = 112 -> mean 118
    // LeRF 50%: (0,0), (1,1): 5x = 400 + y and back -> 100, mean 100
    // LeRF 75%: only 80 is left -> mean 80
    assertThat(road.morf())
        .containsExactly(new double[] {106 / 255.0, 100 / 255.0, 40 / 255.0}, within(1e-6));
    assertThat(road.lerf())
        .containsExactly(new double[] {118 / 255.0, 100 / 255.0, 80 / 255.0}, within(1e-6));
    assertThat(road.meanMorf()).isCloseTo(82 / 255.0, within(1e-6));
    assertThat(road.meanLerf()).isCloseTo(298 / 3.0 / 255, within(1e-6));
    assertThat(road.combined()).isCloseTo(26 / 3.0 / 255, within(1e-6));
    assertThat(road.percentiles()).containsExactly(25, 50, 75);
    assertThat(classifier.calls).containsExactly(4, 2);
  }

  @Test
  void noiseComesFromTheSeedMorfFirst() {
    FakeClassifier classifier = new FakeClassifier(2, 2, 1, 8);

    RoadScores.measure(classifier, IMAGE, MAP, new int[] {25}, 3, 42);

    Random random = new Random(42);
    assertThat(classifier.images.get(0)[1])
        .isCloseTo((float) (104 + 3 * random.nextGaussian()), within(1e-4f));
    assertThat(classifier.images.get(1)[0])
        .isCloseTo((float) (112 + 3 * random.nextGaussian()), within(1e-4f));
  }

  @Test
  void defaultsAreTenToNinetyAndRoadsNoise() {
    assertThat(RoadScores.defaultPercentiles()).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90);
    assertThat(RoadScores.DEFAULT_NOISE).isCloseTo(2.55, within(1e-12));
  }

  @Test
  void refusesPercentilesOutsideOneToNinetyNine() {
    FakeClassifier classifier = new FakeClassifier(2, 2, 1, 4);

    assertThatThrownBy(() -> RoadScores.measure(classifier, IMAGE, MAP, new int[] {100}, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ROAD percentiles must be in 1..99, got 100");
  }
}
