package dev.xaicam.cam;

import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Score-CAM: Wang et al., "Score-CAM: Score-Weighted Visual Explanations for Convolutional Neural
 * Networks", CVPR Workshops 2020, Eq. 2-5.
 *
 * <p>M_c = normalise(upsample(A_c)); w_c = softmax probability of the target class for the input
 * times M_c; map = sum_c w_c A_c. Needs no gradients, one forward pass per non-constant channel.
 */
final class ScoreCam extends ChannelWeightedCam {

  /** Told, per image, how many forward passes were needed. */
  private final Consumer<ScoreCamStats> statsListener;

  /** A Score-CAM that reports its work to the listener. */
  ScoreCam(Consumer<ScoreCamStats> statsListener) {
    this.statsListener = Objects.requireNonNull(statsListener, "statsListener");
  }

  @Override
  public String name() {
    return "scorecam";
  }

  @Override
  public String description() {
    return "Score-CAM (Wang et al. 2020): weights are scores of masked inputs; no gradients";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(MethodNeed.LAYER_ACTIVATIONS, MethodNeed.MASKED_INPUT_SCORER);
  }

  @Override
  double[] channelWeights(CamInputs inputs) {
    LayerSignal signal = inputs.layer();
    int[] all = IntStream.range(0, signal.channels()).toArray();
    return ChannelMaskScores.weights(signal, inputs.maskScorer(), all, statsListener);
  }
}
