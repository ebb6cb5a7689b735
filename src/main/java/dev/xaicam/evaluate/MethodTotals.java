package dev.xaicam.evaluate;

import dev.xaicam.metrics.MeanInterval;
import java.util.ArrayList;
import java.util.List;

/**
 * One method's per-image values gathered as images finish: a few numbers per image and the
 * running sums of the curves, never the perturbed images.
 */
final class MethodTotals {
  /** The method's name. */
  private final String method;
  /** Per image: drop, increase, deletion AUC, insertion AUC, ROAD MoRF, ROAD LeRF. */
  private final List<double[]> values = new ArrayList<>();
  /** Sum of the deletion curves. */
  private double[] deletion;
  /** Sum of the insertion curves. */
  private double[] insertion;

  /** Empty totals of {@code method}. */
  MethodTotals(String method) {
    this.method = method;
  }

  /** Adds one image's scores. */
  void add(ImageScores s) {
    values.add(new double[] {
        100 * s.confidence().drop(), s.confidence().increase() ? 100 : 0,
        s.deletion().auc(), s.insertion().auc(),
        s.road() == null ? Double.NaN : s.road().meanMorf(),
        s.road() == null ? Double.NaN : s.road().meanLerf()});
    deletion = plus(deletion, s.deletion().probabilities());
    insertion = plus(insertion, s.insertion().probabilities());
  }

  /** Whether no image was added. */
  boolean isEmpty() {
    return values.isEmpty();
  }

  /** The means, intervals and mean curves; needs at least one image. */
  MethodSummary summary(boolean road) {
    int n = values.size();
    return new MethodSummary(method, column(0), column(1), column(2), column(3),
        road ? column(4) : null, road ? column(5) : null, divided(deletion, n),
        divided(insertion, n));
  }

  /** The mean and interval of column {@code k}. */
  private MeanInterval column(int k) {
    return MeanInterval.of(values.stream().mapToDouble(v -> v[k]).toArray());
  }

  /** {@code sum + curve}, the sum starting at the first curve. */
  private static double[] plus(double[] sum, double[] curve) {
    if (sum == null) {
      return curve.clone();
    }
    if (sum.length != curve.length) {
      throw new IllegalStateException("curves of " + sum.length + " and " + curve.length
          + " points cannot be averaged");
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] += curve[i];
    }
    return sum;
  }

  /** {@code sum / n}. */
  private static double[] divided(double[] sum, int n) {
    double[] out = new double[sum.length];
    for (int i = 0; i < sum.length; i++) {
      out[i] = sum[i] / n;
    }
    return out;
  }
}
