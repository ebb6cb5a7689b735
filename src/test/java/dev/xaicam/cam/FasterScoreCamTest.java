package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static dev.xaicam.cam.MethodNeed.MASKED_INPUT_SCORER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faster Score-CAM: channel selection, equivalence to Score-CAM, max-n checks. */
class FasterScoreCamTest {

  /**
   * 1 x 4 x 4: variances ch0 [1,3,1,3] -> 1, ch1 [0,0,0,4] -> 3, ch2 [0,2,0,2] -> 1 (ties ch0),
   * ch3 constant 5 -> 0.
   */
  private static final LayerSignal SIGNAL =
      TestSignals.of(
          1, 4, new double[][] {{1, 3, 1, 3}, {0, 0, 0, 4}, {0, 2, 0, 2}, {5, 5, 5, 5}}, null, 0);

  /** Stats reported by the methods under test. */
  private final List<ScoreCamStats> stats = new ArrayList<>();

  @Test
  void picksChannelsByDescendingDeviationWithTiesToTheLowerIndex() {
    assertThat(FasterScoreCam.mostVaryingChannels(SIGNAL, 1)).containsExactly(1);
    assertThat(FasterScoreCam.mostVaryingChannels(SIGNAL, 2)).containsExactly(1, 0);
    assertThat(FasterScoreCam.mostVaryingChannels(SIGNAL, 4)).containsExactly(1, 0, 2, 3);
  }

  @Test
  void isScoreCamRestrictedToTheSelectedChannels() {
    FakeMaskScorer scorer = FakeMaskScorer.sized(3, 7, 10);
    double[] all = new ScoreCam(x -> {})
        .channelWeights(CamInputs.of(SIGNAL).withMaskScorer(FakeMaskScorer.sized(3, 7, 10)));
    double[] kept = {all[0], all[1], 0, 0};

    RawMap map =
        new FasterScoreCam(2, stats::add).rawMap(CamInputs.of(SIGNAL).withMaskScorer(scorer));

    assertThat(map.values()).containsExactly(ChannelWeightedCam.weightedSum(SIGNAL, kept));
    assertThat(scorer.masksScored()).isEqualTo(2);
    assertThat(stats).containsExactly(new ScoreCamStats(2, 0, 2));
  }

  @Test
  void allChannelsEqualsScoreCam() {
    FakeMaskScorer scorer = FakeMaskScorer.sized(3, 7, 10);

    RawMap faster =
        new FasterScoreCam(4, stats::add).rawMap(CamInputs.of(SIGNAL).withMaskScorer(scorer));
    RawMap full = new ScoreCam(x -> {})
        .rawMap(CamInputs.of(SIGNAL).withMaskScorer(FakeMaskScorer.sized(3, 7, 10)));

    assertThat(faster.values()).containsExactly(full.values());
    // 3 varying channels + the zero mask of the constant one
    assertThat(stats).containsExactly(new ScoreCamStats(4, 1, 4));
  }

  @Test
  void rejectsMaxNOutsideOneToChannelCount() {
    FakeMaskScorer scorer = FakeMaskScorer.sized(2, 2, 4);

    for (int bad : new int[] {0, -1, 5}) {
      FasterScoreCam method = new FasterScoreCam(bad, stats::add);
      assertThatThrownBy(() -> method.checkOptions(4, "block5_conv3"))
          .isInstanceOfSatisfying(
              XaiCamException.class,
              e -> assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_USAGE))
          .hasMessage("--max-n must be between 1 and 4 (the channels of block5_conv3), got " + bad);
      assertThatThrownBy(() -> method.rawMap(CamInputs.of(SIGNAL).withMaskScorer(scorer)))
          .isInstanceOf(XaiCamException.class)
          .hasMessage("--max-n must be between 1 and 4 (the channels of the target layer), got "
              + bad);
    }
    new FasterScoreCam(4, stats::add).checkOptions(4, "block5_conv3");
    assertThat(scorer.calls).isEmpty();
  }

  @Test
  void describesItself() {
    assertThat(new FasterScoreCam(10, stats::add).name()).isEqualTo("faster-scorecam");
    assertThat(new FasterScoreCam(10, stats::add).needs())
        .containsExactly(LAYER_ACTIVATIONS, MASKED_INPUT_SCORER);
  }
}
