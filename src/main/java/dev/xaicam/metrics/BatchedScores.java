package dev.xaicam.metrics;

import java.util.Arrays;

/**
 * Collects images to score and sends them to a {@link Classifier} whenever a batch is full, so
 * at most one batch of perturbed copies is held at a time; scores come back in the order added.
 */
final class BatchedScores {

  /** The classifier scoring the images. */
  private final Classifier classifier;
  /** Images waiting for a full batch. */
  private final float[][] pending;
  /** How many of {@link #pending} are filled. */
  private int waiting;
  /** Every score so far, in order. */
  private double[] scores = new double[16];
  /** How many of {@link #scores} are filled. */
  private int scored;

  /** An empty collector for the classifier. */
  BatchedScores(Classifier classifier) {
    int batchSize = classifier.batchSize();
    if (batchSize < 1) {
      throw new IllegalArgumentException("classifier batch size must be >= 1, got " + batchSize);
    }
    this.classifier = classifier;
    this.pending = new float[batchSize][];
  }

  /** Queues an image (kept by reference: the caller must not change it afterwards). */
  void add(float[] image) {
    pending[waiting++] = image;
    if (waiting == pending.length) {
      flush();
    }
  }

  /** Scores what is still queued and returns every score, in the order the images came. */
  double[] finish() {
    flush();
    return Arrays.copyOf(scores, scored);
  }

  /** Sends the queued images to the classifier. */
  private void flush() {
    if (waiting == 0) {
      return;
    }
    double[] batch = classifier.probabilities(Arrays.copyOf(pending, waiting));
    if (batch == null || batch.length != waiting) {
      throw new IllegalStateException(
          "classifier returned " + (batch == null ? "null" : batch.length) + " probabilities for "
              + waiting + " images");
    }
    if (scored + waiting > scores.length) {
      scores = Arrays.copyOf(scores, Math.max(2 * scores.length, scored + waiting));
    }
    System.arraycopy(batch, 0, scores, scored, waiting);
    scored += waiting;
    Arrays.fill(pending, null);
    waiting = 0;
  }
}
