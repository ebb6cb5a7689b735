package dev.xaicam.cam;

import java.util.Arrays;
import java.util.Set;

/**
 * Ablation-CAM: Desai and Ramaswamy, "Ablation-CAM: Visual Explanations for Deep Convolutional
 * Network via Gradient-free Localization", WACV 2020, Eq. 2-3.
 *
 * <p>w_c = (S - S_c) / S, where S is the target's score (logit) and S_c the score with channel c
 * of A set to zero, run from the target layer up ({@link AblationScorer}); map = sum_c w_c A_c.
 * Channels go to the scorer in batches of at most {@link AblationScorer#batchSize()}. An all-zero
 * channel needs no forward pass: it adds nothing to the map whatever its weight.
 */
final class AblationCam extends ChannelWeightedCam {

  @Override
  public String name() {
    return "ablationcam";
  }

  @Override
  public String description() {
    return "Ablation-CAM (Desai & Ramaswamy 2020): each channel weighted by the score drop when it"
        + " is zeroed; no gradients, one pass from the target layer up per channel";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(MethodNeed.LAYER_ACTIVATIONS, MethodNeed.ABLATED_LAYER_SCORER);
  }

  @Override
  double[] channelWeights(CamInputs inputs) {
    LayerSignal signal = inputs.layer();
    AblationScorer scorer = inputs.ablationScorer();
    double score = signal.targetLogit();
    if (score == 0) {
      throw new IllegalStateException("ablationcam: the target score is 0, so (S - S_c)/S is"
          + " undefined");
    }
    int batchSize = scorer.batchSize();
    if (batchSize < 1) {
      throw new IllegalArgumentException("ablation batch size must be >= 1, got " + batchSize);
    }
    int[] toAblate = nonZeroChannels(signal);
    double[] weights = new double[signal.channels()];
    for (int start = 0; start < toAblate.length; start += batchSize) {
      int count = Math.min(batchSize, toAblate.length - start);
      int[] batch = new int[count];
      System.arraycopy(toAblate, start, batch, 0, count);
      double[] ablated = scorer.scores(batch);
      if (ablated == null || ablated.length != count) {
        throw new IllegalStateException(
            "ablation scorer returned " + (ablated == null ? "null" : ablated.length)
                + " scores for " + count + " channels");
      }
      for (int j = 0; j < count; j++) {
        weights[batch[j]] = (score - ablated[j]) / score;
      }
    }
    return weights;
  }

  /** The channels with at least one non-zero activation, in index order. */
  private static int[] nonZeroChannels(LayerSignal signal) {
    int channels = signal.channels();
    boolean[] nonZero = new boolean[channels];
    double[] a = signal.activations();
    for (int i = 0; i < a.length; i++) {
      nonZero[i % channels] |= a[i] != 0;
    }
    int count = 0;
    int[] result = new int[channels];
    for (int c = 0; c < channels; c++) {
      if (nonZero[c]) {
        result[count++] = c;
      }
    }
    return Arrays.copyOf(result, count);
  }
}
