package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static dev.xaicam.cam.MethodNeed.MASKED_INPUT_SCORER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Score-CAM: hand-worked weights, the constant-channel shortcut and batching. */
class ScoreCamTest {

  /** Stats reported by the methods under test. */
  private final List<ScoreCamStats> stats = new ArrayList<>();

  @Test
  void weighsChannelsByTheScoreOfTheirMaskedInput() {
    // Layer 1 x 2, input 1 x 3. A0 = [0, 2] -> upsampled [0, 1, 2] -> mask ~[0, .5, 1];
    // A1 = [5, 5] is constant -> all-zero mask.
    LayerSignal s = TestSignals.of(1, 2, new double[][] {{0, 2}, {5, 5}}, null, 0);
    FakeMaskScorer scorer = new FakeMaskScorer(1, 3, 4, new double[] {1, 2, 3}, 0.1);

    RawMap map = new ScoreCam(stats::add).rawMap(CamInputs.of(s).withMaskScorer(scorer));

    double m1 = (float) (1 / (2 + 1e-7));
    double m2 = (float) (2 / (2 + 1e-7));
    double w0 = 0.1 + (2 * m1 + 3 * m2) / 3; // ~ 0.1 + 4/3
    double w1 = 0.1; // the all-zero mask scores the bias only
    assertThat(map.values()).containsExactly(new double[] {5 * w1, 2 * w0 + 5 * w1}, within(1e-12));
    assertThat(map.values())
        .containsExactly(new double[] {0.5, 2 * (0.1 + 4 / 3.0) + 0.5}, within(1e-6));
    assertThat(stats).containsExactly(new ScoreCamStats(2, 1, 2));
    assertThat(scorer.calls).containsExactly(2);
  }

  @Test
  void constantChannelShortcutEqualsTheUnoptimisedComputation() {
    // channel 0 all zero, channel 1 constant 0.75, channels 2..8 vary
    LayerSignal s = TestSignals.random(11, 3, 3, 9, 0);
    FakeMaskScorer scorer = FakeMaskScorer.sized(7, 5, 4);

    RawMap optimised = new ScoreCam(stats::add).rawMap(CamInputs.of(s).withMaskScorer(scorer));
    double[] reference = unoptimisedScoreCam(s, FakeMaskScorer.sized(7, 5, 4));

    assertThat(optimised.values()).containsExactly(reference);
    // 7 varying channels plus one shared all-zero mask instead of 9 passes
    assertThat(scorer.masksScored()).isEqualTo(8);
    assertThat(scorer.calls).containsExactly(4, 4);
    assertThat(stats).containsExactly(new ScoreCamStats(9, 2, 8));
  }

  @Test
  void allZeroChannelsNeedNoZeroMaskPass() {
    LayerSignal s =
        TestSignals.of(2, 2, new double[][] {{0, 0, 0, 0}, {1, 2, 3, 4}, {0, 0, 0, 0}}, null, 0);
    FakeMaskScorer scorer = FakeMaskScorer.sized(4, 4, 8);

    new ScoreCam(stats::add).rawMap(CamInputs.of(s).withMaskScorer(scorer));

    assertThat(scorer.masksScored()).isEqualTo(1);
    assertThat(stats).containsExactly(new ScoreCamStats(3, 2, 1));
  }

  @Test
  void streamsMasksInBatchesNoLargerThanTheScorersBatchSize() {
    LayerSignal s = TestSignals.random(3, 2, 2, 7, 0);
    FakeMaskScorer scorer = FakeMaskScorer.sized(3, 3, 2);

    new ScoreCam(stats::add).rawMap(CamInputs.of(s).withMaskScorer(scorer));

    // 5 varying channels + the zero mask = 6 masks in batches of 2
    assertThat(scorer.calls).containsExactly(2, 2, 2);
  }

  @Test
  void constantLayerNeedsOnlyTheZeroMaskAndGivesZeros() {
    LayerSignal s = TestSignals.of(2, 2, new double[][] {{3, 3, 3, 3}, {1, 1, 1, 1}}, null, 0);
    FakeMaskScorer scorer = FakeMaskScorer.sized(4, 4, 8);

    Heatmap h =
        CamComputation.compute(
            new ScoreCam(stats::add), CamInputs.of(s).withMaskScorer(scorer), 4, 4);

    assertThat(h.values()).containsOnly(0f);
    assertThat(scorer.masksScored()).isEqualTo(1);
  }

  @Test
  void rejectsAScorerThatReturnsTheWrongNumberOfScores() {
    LayerSignal s = TestSignals.of(1, 2, new double[][] {{0, 1}}, null, 0);
    MaskScorer broken =
        new MaskScorer() {
          @Override
          public int inputHeight() {
            return 2;
          }

          @Override
          public int inputWidth() {
            return 2;
          }

          @Override
          public int batchSize() {
            return 4;
          }

          @Override
          public double[] score(float[][] masks) {
            return new double[masks.length + 1];
          }
        };

    assertThatThrownBy(
            () -> new ScoreCam(stats::add).rawMap(CamInputs.of(s).withMaskScorer(broken)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("mask scorer returned 2 scores for 1 masks");
  }

  @Test
  void needsAScorerNotGradients() {
    LayerSignal s = TestSignals.of(1, 2, new double[][] {{0, 1}}, null, 0);

    assertThat(new ScoreCam(stats::add).needs())
        .containsExactly(LAYER_ACTIVATIONS, MASKED_INPUT_SCORER);
    assertThat(new ScoreCam(stats::add).name()).isEqualTo("scorecam");
    assertThatThrownBy(
            () -> CamComputation.compute(new ScoreCam(stats::add), CamInputs.of(s), 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scorecam needs a mask scorer, which the caller did not supply");
  }

  /** Score-CAM without any shortcut: one separate forward pass per channel. */
  static double[] unoptimisedScoreCam(LayerSignal s, FakeMaskScorer scorer) {
    int h = s.height();
    int w = s.width();
    int channels = s.channels();
    CornerAlignedZoom zoom = new CornerAlignedZoom(h, w, scorer.inputHeight(), scorer.inputWidth());
    double[] weights = new double[channels];
    for (int c = 0; c < channels; c++) {
      double[] plane = new double[h * w];
      for (int p = 0; p < plane.length; p++) {
        plane[p] = s.activation(p / w, p % w, c);
      }
      float[] mask = MinMaxNormalisation.normalise(zoom.apply(plane), 1e-7);
      weights[c] = scorer.score(new float[][] {mask})[0];
    }
    double[] map = new double[h * w];
    for (int p = 0; p < map.length; p++) {
      for (int c = 0; c < channels; c++) {
        map[p] += weights[c] * s.activation(p / w, p % w, c);
      }
    }
    return map;
  }
}
