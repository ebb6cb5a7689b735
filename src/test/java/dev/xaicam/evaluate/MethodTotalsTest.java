package dev.xaicam.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.metrics.CausalCurve;
import dev.xaicam.metrics.ConfidenceChange;
import dev.xaicam.metrics.RoadScores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Per-method totals: hand-worked means of two images' values and curves. */
class MethodTotalsTest {

  @Test
  void meansOfTwoImagesInPercentAndTheirMeanCurves() {
    MethodTotals totals = new MethodTotals("gradcam");
    assertThat(totals.isEmpty()).isTrue();
    // image 1: Y 0.8, O 0.6 -> drop 25 %; image 2: Y 0.5, O 0.6 -> drop 0, an increase
    totals.add(scores(new ConfidenceChange(0.8, 0.6, 0.25, false), new double[] {1, 0.5, 0},
        new double[] {0.2, 1, 1}, new RoadScores(new int[] {10, 20}, new double[] {0.1, 0.3},
            new double[] {0.9, 0.7})));
    totals.add(scores(new ConfidenceChange(0.5, 0.6, 0, true), new double[] {1, 0.1, 0.1},
        new double[] {0, 0, 1}, new RoadScores(new int[] {10, 20}, new double[] {0.2, 0.2},
            new double[] {1, 1})));

    MethodSummary s = totals.summary(true);

    assertThat(s.averageDrop().mean()).isCloseTo(12.5, within(1e-12));
    assertThat(s.increase().mean()).isCloseTo(50, within(1e-12));
    // deletion AUCs: (1.5 - 0.5) / 2 = 0.5 and (1.2 - 0.55) / 2 = 0.325
    assertThat(s.deletionAuc().mean()).isCloseTo(0.4125, within(1e-12));
    // insertion AUCs: (2.2 - 0.6) / 2 = 0.8 and (1 - 0.5) / 2 = 0.25
    assertThat(s.insertionAuc().mean()).isCloseTo(0.525, within(1e-12));
    assertThat(s.roadMorf().mean()).isCloseTo(0.2, within(1e-12));
    assertThat(s.roadLerf().mean()).isCloseTo(0.9, within(1e-12));
    assertThat(s.deletionCurve()).containsExactly(new double[] {1, 0.3, 0.05}, within(1e-12));
    assertThat(s.insertionCurve()).containsExactly(new double[] {0.1, 0.5, 1}, within(1e-12));
    assertThat(totals.summary(false).roadMorf()).isNull();
  }

  /** One image's scores from its parts. */
  private static ImageScores scores(ConfidenceChange c, double[] deletion, double[] insertion,
      RoadScores road) {
    return new ImageScores(Path.of("a.png"), "gradcam", 1, c, new CausalCurve(deletion),
        new CausalCurve(insertion), road);
  }
}
