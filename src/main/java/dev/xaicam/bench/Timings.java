package dev.xaicam.bench;

import java.util.Arrays;

/** The arithmetic of timing: elapsed seconds and medians. */
final class Timings {
  private Timings() {}

  /** Seconds since {@code startNanos} (a {@link System#nanoTime()} reading). */
  static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** The median of the values (mean of the middle two for an even count). */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
