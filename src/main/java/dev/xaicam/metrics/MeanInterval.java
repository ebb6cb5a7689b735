package dev.xaicam.metrics;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A mean over images with its 95% confidence interval, mean +- halfWidth, from Student's t
 * distribution with n - 1 degrees of freedom (Apache Commons Statistics): halfWidth =
 * t_{0.975, n-1} * s / sqrt(n), s the sample standard deviation. With few images the t quantile
 * is wider than the normal 1.96 (12.7 for n = 2, 2.26 for n = 10).
 *
 * @param mean the arithmetic mean
 * @param halfWidth half the interval's width; NaN for a single value (no spread to estimate)
 * @param count n, the number of values
 */
public record MeanInterval(double mean, double halfWidth, int count) {

  /** The mean and 95% interval of the values (at least one). */
  public static MeanInterval of(double[] values) {
    int n = values.length;
    if (n == 0) {
      throw new IllegalArgumentException("no values to average");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n == 1) {
      return new MeanInterval(mean, Double.NaN, 1);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double standardError = Math.sqrt(squares / (n - 1) / n);
    double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.975);
    return new MeanInterval(mean, t * standardError, n);
  }
}
