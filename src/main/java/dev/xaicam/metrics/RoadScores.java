package dev.xaicam.metrics;

import dev.xaicam.cam.Heatmap;
import java.util.Random;

/**
 * ROAD, RemOve And Debias: Rong et al., "A Consistent and Efficient Evaluation Strategy for
 * Attribution Methods", ICML 2022, for one image.
 *
 * <p>At each percentile p the floor(H*W * p / 100) most salient pixels (MoRF) or least salient
 * pixels (LeRF) are removed ({@link PixelOrder}) and filled by {@link NoisyLinearImputer}; the
 * target's probability on each imputed copy is recorded. A faithful map makes MoRF fall fast and
 * LeRF stay high; {@link #combined()} is pytorch-grad-cam's {@code ROADCombined}, (mean LeRF -
 * mean MoRF) / 2. The imputation noise comes from one {@link Random} seeded per image, drawn for
 * the MoRF copies in percentile order, then the LeRF ones.
 *
 * @param percentiles the percentiles p, each in 1..99
 * @param morf probability with the p% most salient pixels removed, per percentile
 * @param lerf probability with the p% least salient pixels removed, per percentile
 */
public record RoadScores(int[] percentiles, double[] morf, double[] lerf) {

  /** The percentiles pytorch-grad-cam averages over: 10, 20, ..., 90. */
  public static int[] defaultPercentiles() {
    return new int[] {10, 20, 30, 40, 50, 60, 70, 80, 90};
  }

  /** ROAD's default imputation noise in the 0..255 space (0.01 on its [0, 1] images). */
  public static final double DEFAULT_NOISE = NoisyLinearImputer.DEFAULT_NOISE;

  /**
   * Removes, imputes and scores every percentile in both orders.
   *
   * @param noise standard deviation of the imputation noise, in 0..255 units
   * @param seed seed of the imputation noise
   */
  public static RoadScores measure(
      Classifier classifier,
      InputImage image,
      Heatmap map,
      int[] percentiles,
      double noise,
      long seed) {
    image.requireShapeOf(classifier);
    PixelOrder.requireSameSize(map, image);
    for (int p : percentiles) {
      if (p < 1 || p > 99) {
        throw new IllegalArgumentException("ROAD percentiles must be in 1..99, got " + p);
      }
    }
    int[] order = PixelOrder.mostSalientFirst(map);
    int pixels = image.pixels();
    Random random = new Random(seed);
    BatchedScores scores = new BatchedScores(classifier);
    for (boolean mostRelevantFirst : new boolean[] {true, false}) {
      for (int p : percentiles) {
        int count = (int) ((long) pixels * p / 100);
        boolean[] removed = new boolean[pixels];
        for (int r = 0; r < count; r++) {
          removed[order[mostRelevantFirst ? r : pixels - 1 - r]] = true;
        }
        scores.add(NoisyLinearImputer.impute(image, removed, noise, random).values());
      }
    }
    double[] all = scores.finish();
    int n = percentiles.length;
    double[] morf = new double[n];
    double[] lerf = new double[n];
    System.arraycopy(all, 0, morf, 0, n);
    System.arraycopy(all, n, lerf, 0, n);
    return new RoadScores(percentiles.clone(), morf, lerf);
  }

  /** Mean probability over the MoRF percentiles (lower is better). */
  public double meanMorf() {
    return mean(morf);
  }

  /** Mean probability over the LeRF percentiles (higher is better). */
  public double meanLerf() {
    return mean(lerf);
  }

  /** (mean LeRF - mean MoRF) / 2, pytorch-grad-cam's {@code ROADCombined} (higher is better). */
  public double combined() {
    return (meanLerf() - meanMorf()) / 2;
  }

  /** The arithmetic mean. */
  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
