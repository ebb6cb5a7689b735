package dev.xaicam.cam;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the layers above the target: the score is linear in the channels' spatial means,
 * S(A) = S - sum over zeroed channels c of v_c * mean(A_c), so zeroing channel c alone gives
 * S_c = S - v_c mean(A_c) and Ablation-CAM's weight is v_c mean(A_c) / S. It records every call.
 */
final class FakeAblationScorer implements AblationScorer {

  /** The unablated score S, the signal's logit. */
  private final double score;
  /** Each channel's spatial mean of A. */
  private final double[] channelMeans;
  /** The linear head's weight v_c per channel. */
  private final double[] headWeights;
  /** Most channels per call the caller may pass. */
  private final int batchSize;
  /** The channels of every call, in order. */
  final List<int[]> calls = new ArrayList<>();

  /** A scorer over the signal's activations with the given head weights. */
  FakeAblationScorer(LayerSignal signal, double[] headWeights, int batchSize) {
    this.score = signal.targetLogit();
    this.headWeights = headWeights.clone();
    this.batchSize = batchSize;
    this.channelMeans = new double[signal.channels()];
    double[] a = signal.activations();
    for (int i = 0; i < a.length; i++) {
      channelMeans[i % signal.channels()] += a[i];
    }
    for (int c = 0; c < channelMeans.length; c++) {
      channelMeans[c] /= signal.height() * signal.width();
    }
  }

  /** Head weights v_c = (c + 1) / C, all positive. */
  static FakeAblationScorer rising(LayerSignal signal, int batchSize) {
    double[] v = new double[signal.channels()];
    for (int c = 0; c < v.length; c++) {
      v[c] = (c + 1.0) / v.length;
    }
    return new FakeAblationScorer(signal, v, batchSize);
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public double[] scores(int[] channels) {
    if (channels.length > batchSize) {
      throw new AssertionError("batch of " + channels.length + " > batch size " + batchSize);
    }
    calls.add(channels.clone());
    double[] scores = new double[channels.length];
    for (int i = 0; i < channels.length; i++) {
      scores[i] = score - headWeights[channels[i]] * channelMeans[channels[i]];
    }
    return scores;
  }
}
