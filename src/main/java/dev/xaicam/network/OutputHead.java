package dev.xaicam.network;

/**
 * What the model's output means and how scores and probabilities come from it. Gradients are
 * taken on the output layer with its final softmax or sigmoid removed (tf-keras-vis's
 * {@code ReplaceToLinear}); the values that layer then gives are the logits.
 *
 * <ul>
 *   <li>{@link Kind#SOFTMAX}: scores = logits; probabilities = softmax(logits), the model's own.
 *   <li>{@link Kind#BINARY}: one sigmoid unit = classes 0 and 1; the score of class 1 is the logit
 *       z and of class 0 is -z (tf-keras-vis's {@code BinaryScore}); probabilities (1 - p, p).
 *   <li>{@link Kind#MULTI_LABEL}: several sigmoid units, each a class scored by its logit;
 *       probabilities are each unit's sigmoid.
 *   <li>{@link Kind#LINEAR}: any other output; scores are the outputs, probabilities their
 *       softmax.
 * </ul>
 */
public final class OutputHead {

  /** The kinds of classifier output. */
  public enum Kind {
    /** A final softmax. */
    SOFTMAX,
    /** A single sigmoid unit: two classes. */
    BINARY,
    /** Several sigmoid units: one class each, independent. */
    MULTI_LABEL,
    /** No softmax or sigmoid at the end. */
    LINEAR
  }

  /** The kind. */
  private final Kind kind;
  /** Output units (logits per image). */
  private final int units;

  /** A head of {@code kind} over {@code units} outputs. */
  OutputHead(Kind kind, int units) {
    this.kind = kind;
    this.units = units;
  }

  /** The head for an output layer whose last activation is {@code activation}. */
  static OutputHead of(String activation, int units) {
    if (activation.equals("softmax")) {
      return new OutputHead(Kind.SOFTMAX, units);
    }
    if (activation.equals("sigmoid")) {
      return new OutputHead(units == 1 ? Kind.BINARY : Kind.MULTI_LABEL, units);
    }
    return new OutputHead(Kind.LINEAR, units);
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }

  /** Whether the output layer's activation is removed for scores and gradients. */
  public boolean stripsActivation() {
    return kind != Kind.LINEAR;
  }

  /** Number of classes: 2 for a single sigmoid unit, otherwise one per output unit. */
  public int classCount() {
    return kind == Kind.BINARY ? 2 : units;
  }

  /** Output units per image. */
  int units() {
    return units;
  }

  /** Class scores of one image's logits. */
  double[] scores(double[] logits) {
    return kind == Kind.BINARY ? new double[] {-logits[0], logits[0]} : logits.clone();
  }

  /** Class probabilities of one image's logits. */
  double[] probabilities(double[] logits) {
    switch (kind) {
      case BINARY: {
        double p = sigmoid(logits[0]);
        return new double[] {1 - p, p};
      }
      case MULTI_LABEL: {
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
          p[i] = sigmoid(logits[i]);
        }
        return p;
      }
      default:
        return softmax(logits);
    }
  }

  /** d(score of {@code targetClass}) / d(logits) for one image. */
  double[] seed(int targetClass) {
    double[] seed = new double[units];
    if (kind == Kind.BINARY) {
      seed[0] = targetClass == 1 ? 1 : -1;
    } else {
      seed[targetClass] = 1;
    }
    return seed;
  }

  /** Fails unless {@code targetClass} is a class of this head. */
  void checkClass(int targetClass) {
    if (targetClass < 0 || targetClass >= classCount()) {
      throw new IllegalArgumentException("target class must be in [0, " + classCount() + "), got "
          + targetClass);
    }
  }

  /** 1 / (1 + e^-z), written so large |z| neither overflows nor loses 1 - p. */
  private static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** Softmax shifted by the maximum, so large logits never overflow. */
  private static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      max = Math.max(max, z);
    }
    double sum = 0;
    double[] p = new double[logits.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  @Override
  public String toString() {
    return kind + " over " + units + " unit" + (units == 1 ? "" : "s");
  }
}
