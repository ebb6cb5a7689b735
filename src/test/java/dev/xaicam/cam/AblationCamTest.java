package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.ABLATED_LAYER_SCORER;
import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Ablation-CAM against a fake linear head, worked by hand. */
class AblationCamTest {

  /** A0 = [1, 2, 3, 4] (mean 2.5), A1 = 0, A2 = [4, 0, 0, 0] (mean 1); S = 10. */
  private static LayerSignal signal(double score) {
    return TestSignals.of(
        2, 2, new double[][] {{1, 2, 3, 4}, {0, 0, 0, 0}, {4, 0, 0, 0}}, null, score);
  }

  /** Head weights v = (2, 7, -1): S_c = S - v_c mean(A_c). */
  private static final double[] HEAD = {2, 7, -1};

  @Test
  void weighsEachChannelByItsRelativeScoreDrop() {
    FakeAblationScorer scorer = new FakeAblationScorer(signal(10), HEAD, 4);
    CamInputs inputs = CamInputs.of(signal(10)).withAblationScorer(scorer);

    // S_0 = 10 - 2 * 2.5 = 5 -> w0 = 0.5; A1 is all zero -> no pass, w1 = 0;
    // S_2 = 10 + 1 * 1 = 11 -> w2 = -0.1
    assertThat(new AblationCam().channelWeights(inputs))
        .containsExactly(new double[] {0.5, 0, -0.1}, within(1e-15));
    assertThat(scorer.calls).containsExactly(new int[] {0, 2});
    // 0.5 A0 - 0.1 A2
    assertThat(new AblationCam().rawMap(inputs).values())
        .containsExactly(new double[] {0.1, 1, 1.5, 2}, within(1e-15));
  }

  @Test
  void aNegativeScoreFlipsTheWeightsAsTheFormulaSays() {
    FakeAblationScorer scorer = new FakeAblationScorer(signal(-10), HEAD, 4);

    // S_0 = -10 - 5 = -15 -> w0 = (-10 + 15) / -10 = -0.5; S_2 = -9 -> w2 = 0.1
    assertThat(
            new AblationCam()
                .channelWeights(CamInputs.of(signal(-10)).withAblationScorer(scorer)))
        .containsExactly(new double[] {-0.5, 0, 0.1}, within(1e-15));
  }

  @Test
  void sendsChannelsInBatchesOfTheScorersSize() {
    FakeAblationScorer scorer = new FakeAblationScorer(signal(10), HEAD, 1);

    new AblationCam().rawMap(CamInputs.of(signal(10)).withAblationScorer(scorer));

    assertThat(scorer.calls).containsExactly(new int[] {0}, new int[] {2});
  }

  @Test
  void refusesAZeroScoreAndAScorerThatMiscounts() {
    FakeAblationScorer scorer = new FakeAblationScorer(signal(0), HEAD, 4);
    AblationScorer miscounting =
        new AblationScorer() {
          @Override
          public int batchSize() {
            return 4;
          }

          @Override
          public double[] scores(int[] channels) {
            return new double[channels.length + 1];
          }
        };

    assertThatThrownBy(
            () -> new AblationCam().rawMap(CamInputs.of(signal(0)).withAblationScorer(scorer)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ablationcam: the target score is 0, so (S - S_c)/S is undefined");
    assertThatThrownBy(
            () ->
                new AblationCam()
                    .rawMap(CamInputs.of(signal(10)).withAblationScorer(miscounting)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ablation scorer returned 3 scores for 2 channels");
  }

  @Test
  void describesItself() {
    assertThat(new AblationCam().name()).isEqualTo("ablationcam");
    assertThat(new AblationCam().needs()).containsExactly(LAYER_ACTIVATIONS, ABLATED_LAYER_SCORER);
  }
}
