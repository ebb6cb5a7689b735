package dev.xaicam.cam;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Score-CAM's channel weights (Wang et al. 2020, Eq. 2-5): each channel's activation, upsampled
 * to the input size and min-max normalised, masks the input; its weight is the target-class
 * probability of the masked input.
 *
 * <p>Masks stream through the scorer at most {@link MaskScorer#batchSize()} at a time. A constant
 * channel is never masked: an all-zero one contributes nothing whatever its weight, and any other
 * constant normalises to the all-zero mask, scored once per image and shared.
 */
final class ChannelMaskScores {

  /** Not instantiable: static functions only. */
  private ChannelMaskScores() {}

  /**
   * Weights for the given channels (0 for every other channel and for all-zero channels).
   *
   * @param channels indices of the channels to weigh, each in [0, C)
   * @param listener told how many forward passes the shortcut saved
   */
  static double[] weights(
      LayerSignal signal, MaskScorer scorer, int[] channels, Consumer<ScoreCamStats> listener) {
    int batchSize = scorer.batchSize();
    if (batchSize < 1) {
      throw new IllegalArgumentException("scorer batch size must be >= 1, got " + batchSize);
    }
    double[] weights = new double[signal.channels()];
    int[] toMask = new int[channels.length];
    int masked = 0;
    int constant = 0;
    boolean needZeroMask = false;
    for (int c : channels) {
      double[] plane = plane(signal, c);
      if (isConstant(plane)) {
        constant++;
        needZeroMask |= plane[0] != 0;
      } else {
        toMask[masked++] = c;
      }
    }
    // The last job, index -1, is the shared all-zero mask of the non-zero constant channels.
    int jobs = masked + (needZeroMask ? 1 : 0);
    int inHeight = scorer.inputHeight();
    int inWidth = scorer.inputWidth();
    CornerAlignedZoom zoom =
        new CornerAlignedZoom(signal.height(), signal.width(), inHeight, inWidth);
    double[] upsampled = new double[inHeight * inWidth];
    double zeroMaskScore = 0;
    for (int start = 0; start < jobs; start += batchSize) {
      int count = Math.min(batchSize, jobs - start);
      float[][] masks = new float[count][];
      for (int j = 0; j < count; j++) {
        int job = start + j;
        if (job < masked) {
          zoom.apply(plane(signal, toMask[job]), upsampled);
          masks[j] = MinMaxNormalisation.normalise(upsampled, MinMaxNormalisation.EPSILON);
        } else {
          masks[j] = new float[inHeight * inWidth];
        }
      }
      double[] scores = scorer.score(masks);
      if (scores == null || scores.length != count) {
        throw new IllegalStateException(
            "mask scorer returned " + (scores == null ? "null" : scores.length)
                + " scores for " + count + " masks");
      }
      for (int j = 0; j < count; j++) {
        int job = start + j;
        if (job < masked) {
          weights[toMask[job]] = scores[j];
        } else {
          zeroMaskScore = scores[j];
        }
      }
    }
    if (needZeroMask) {
      for (int c : channels) {
        double[] plane = plane(signal, c);
        if (isConstant(plane) && plane[0] != 0) {
          weights[c] = zeroMaskScore;
        }
      }
    }
    listener.accept(new ScoreCamStats(channels.length, constant, jobs));
    return weights;
  }

  /** Channel c of the activations as a row-major H x W array. */
  static double[] plane(LayerSignal signal, int c) {
    int channels = signal.channels();
    double[] a = signal.activations();
    double[] plane = new double[signal.height() * signal.width()];
    for (int p = 0; p < plane.length; p++) {
      plane[p] = a[p * channels + c];
    }
    return plane;
  }

  /** Whether every value equals the first. */
  private static boolean isConstant(double[] plane) {
    return Arrays.stream(plane).allMatch(v -> v == plane[0]);
  }
}
