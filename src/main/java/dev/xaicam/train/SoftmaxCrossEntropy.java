package dev.xaicam.train;

/**
 * The mean softmax cross-entropy of a labelled batch from its logits, with its gradient: softmax
 * minus one-hot, divided by the batch size.
 *
 * @param loss mean cross-entropy over the batch, in nats
 * @param correct images whose top logit is their label
 * @param logitGradients dLoss/dlogits, one row per image
 */
record SoftmaxCrossEntropy(double loss, int correct, double[][] logitGradients) {

  /** The loss of {@code logits} (one row per image) against {@code labels}. */
  static SoftmaxCrossEntropy of(double[][] logits, int[] labels) {
    int batch = logits.length;
    if (labels.length != batch) {
      throw new IllegalArgumentException("need one label per image: " + batch + " images, got "
          + labels.length + " labels");
    }
    double loss = 0;
    int correct = 0;
    double[][] gradients = new double[batch][];
    for (int b = 0; b < batch; b++) {
      double[] row = logits[b];
      int label = labels[b];
      if (label < 0 || label >= row.length) {
        throw new IllegalArgumentException("label must be in [0, " + row.length + "), got "
            + label);
      }
      int best = 0;
      for (int c = 1; c < row.length; c++) {
        best = row[c] > row[best] ? c : best;
      }
      double max = row[best];
      double sum = 0;
      for (double z : row) {
        sum += Math.exp(z - max);
      }
      // log-sum-exp shifted by the max, so large logits never overflow
      loss += max + Math.log(sum) - row[label];
      correct += best == label ? 1 : 0;
      gradients[b] = new double[row.length];
      for (int c = 0; c < row.length; c++) {
        double p = Math.exp(row[c] - max) / sum;
        gradients[b][c] = (p - (c == label ? 1 : 0)) / batch;
      }
    }
    return new SoftmaxCrossEntropy(loss / batch, correct, gradients);
  }
}
