package dev.xaicam.cam;

import dev.xaicam.XaiCamException;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Faster Score-CAM (tf-keras-vis's {@code max_N}, after Wang et al. 2020): Score-CAM on only the
 * N channels whose activation has the largest spatial standard deviation; the others weigh 0.
 */
final class FasterScoreCam extends ChannelWeightedCam {

  /** N, how many channels get a forward pass. */
  private final int maxN;
  /** Told, per image, how many forward passes were needed. */
  private final Consumer<ScoreCamStats> statsListener;

  /** A Faster Score-CAM scoring maxN channels; maxN is checked against the layer at use. */
  FasterScoreCam(int maxN, Consumer<ScoreCamStats> statsListener) {
    this.maxN = maxN;
    this.statsListener = Objects.requireNonNull(statsListener, "statsListener");
  }

  @Override
  public String name() {
    return "faster-scorecam";
  }

  @Override
  public String description() {
    return "Faster Score-CAM (tf-keras-vis): Score-CAM on the --max-n most varying channels";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(MethodNeed.LAYER_ACTIVATIONS, MethodNeed.MASKED_INPUT_SCORER);
  }

  /** N must be a channel count of the layer: 1..C. */
  @Override
  public void checkOptions(int layerChannels, String layerName) {
    if (maxN < 1 || maxN > layerChannels) {
      throw XaiCamException.usage(
          "--max-n must be between 1 and " + layerChannels + " (the channels of " + layerName
              + "), got " + maxN);
    }
  }

  @Override
  double[] channelWeights(CamInputs inputs) {
    LayerSignal signal = inputs.layer();
    checkOptions(signal.channels(), "the target layer");
    return ChannelMaskScores.weights(
        signal, inputs.maskScorer(), mostVaryingChannels(signal, maxN), statsListener);
  }

  /** The n channels of largest spatial variance, largest first; ties go to the lower index. */
  static int[] mostVaryingChannels(LayerSignal signal, int n) {
    double[] variance = new double[signal.channels()];
    for (int c = 0; c < variance.length; c++) {
      double[] plane = ChannelMaskScores.plane(signal, c);
      double mean = 0;
      for (double v : plane) {
        mean += v;
      }
      mean /= plane.length;
      double squares = 0;
      for (double v : plane) {
        squares += (v - mean) * (v - mean);
      }
      variance[c] = squares / plane.length;
    }
    // Stable sort on descending variance keeps equal channels in index order.
    return IntStream.range(0, variance.length)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> variance[c]).reversed())
        .limit(n)
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
