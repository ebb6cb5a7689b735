package dev.xaicam.metrics;

import dev.xaicam.cam.Heatmap;

/**
 * Deletion and insertion: Petsiuk et al., "RISE: Randomized Input Sampling for Explanation of
 * Black-box Models", BMVC 2018, Sec. 4.1, as the authors' {@code CausalMetric} computes them.
 *
 * <p>Pixels are taken most salient first ({@link PixelOrder}), ceil(H*W / steps) per step (the
 * last step takes what is left), and the target's probability is read before the first step and
 * after each. Deletion starts from the image and replaces pixels by a {@link DeletionSubstrate};
 * insertion starts from the {@link RiseBlur} copy and puts the original pixels back. A good map
 * makes deletion fall fast (small area) and insertion rise fast (large area).
 *
 * @param probabilities the target's probability after 0, 1, ..., n steps
 */
public record CausalCurve(double[] probabilities) {

  /** The default number of steps, as the issue asks (RISE's notebook uses 224 pixels a step). */
  public static final int DEFAULT_STEPS = 50;

  /** Checks that the curve has at least its two ends. */
  public CausalCurve {
    if (probabilities == null || probabilities.length < 2) {
      throw new IllegalArgumentException("a curve needs at least 2 points");
    }
  }

  /** The deletion curve: removed pixels take the substrate's values. */
  public static CausalCurve deletion(
      Classifier classifier,
      InputImage image,
      Heatmap map,
      int steps,
      DeletionSubstrate substrate) {
    return game(classifier, image, substrate.of(image), map, steps);
  }

  /** The insertion curve: from the blurred image, original pixels are put back. */
  public static CausalCurve insertion(
      Classifier classifier, InputImage image, Heatmap map, int steps) {
    return game(classifier, RiseBlur.blur(image), image, map, steps);
  }

  /**
   * Area under the curve over [0, 1] by the trapezoid rule on equally spaced points, as RISE's
   * {@code auc}: (sum - first / 2 - last / 2) / (points - 1).
   */
  public double auc() {
    double sum = 0;
    for (double p : probabilities) {
      sum += p;
    }
    int last = probabilities.length - 1;
    return (sum - probabilities[0] / 2 - probabilities[last] / 2) / last;
  }

  /** Moves pixels from start to finish, most salient first, scoring every step. */
  private static CausalCurve game(
      Classifier classifier, InputImage start, InputImage finish, Heatmap map, int steps) {
    start.requireShapeOf(classifier);
    PixelOrder.requireSameSize(map, start);
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    int pixels = start.pixels();
    int perStep = (pixels + steps - 1) / steps;
    int stepCount = (pixels + perStep - 1) / perStep;
    int[] order = PixelOrder.mostSalientFirst(map);
    int c = start.channels();
    float[] current = start.values().clone();
    float[] target = finish.values();
    BatchedScores scores = new BatchedScores(classifier);
    scores.add(current.clone());
    for (int step = 0; step < stepCount; step++) {
      int end = Math.min(pixels, (step + 1) * perStep);
      for (int rank = step * perStep; rank < end; rank++) {
        System.arraycopy(target, order[rank] * c, current, order[rank] * c, c);
      }
      scores.add(current.clone());
    }
    return new CausalCurve(scores.finish());
  }
}
