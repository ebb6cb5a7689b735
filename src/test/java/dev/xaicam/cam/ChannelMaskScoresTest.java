package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Score-CAM channel weights on a hand-worked signal. */
class ChannelMaskScoresTest {

  /** 1 x 2 x 3: A0 = [0, 2] varies, A1 = [0, 0] is zero, A2 = [4, 4] is a non-zero constant. */
  private static final LayerSignal SIGNAL =
      TestSignals.of(1, 2, new double[][] {{0, 2}, {0, 0}, {4, 4}}, null, 0);

  @Test
  void weighsOnlyTheGivenChannelsAndSharesTheZeroMaskScore() {
    List<ScoreCamStats> stats = new ArrayList<>();
    // input 1 x 2: A0's mask is [0, 2 / (2 + 1e-7)], image [1, 3], bias 0.1
    FakeMaskScorer scorer = new FakeMaskScorer(1, 2, 8, new double[] {1, 3}, 0.1);

    double[] weights = ChannelMaskScores.weights(SIGNAL, scorer, new int[] {0, 1, 2}, stats::add);

    double mask = (float) (2 / (2 + 1e-7));
    assertThat(weights).containsExactly(0.1 + 3 * mask / 2, 0, 0.1);
    assertThat(stats).containsExactly(new ScoreCamStats(3, 2, 2));

    double[] onlyFirst = ChannelMaskScores.weights(SIGNAL, scorer, new int[] {0}, stats::add);
    assertThat(onlyFirst).containsExactly(0.1 + 3 * mask / 2, 0, 0);
  }

  @Test
  void planeExtractsOneChannel() {
    assertThat(ChannelMaskScores.plane(SIGNAL, 2)).containsExactly(4, 4);
    assertThat(ChannelMaskScores.plane(SIGNAL, 0)).containsExactly(0, 2);
  }

  @Test
  void rejectsANonPositiveBatchSize() {
    FakeMaskScorer scorer = FakeMaskScorer.sized(2, 2, 0);

    assertThatThrownBy(() -> ChannelMaskScores.weights(SIGNAL, scorer, new int[] {0}, s -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scorer batch size must be >= 1, got 0");
  }
}
