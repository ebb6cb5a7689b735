package dev.xaicam.train;

/**
 * The Adam optimiser (Kingma and Ba, ICLR 2015, Algorithm 1) on one parameter array, with Keras's
 * defaults: beta1 0.9, beta2 0.999, epsilon 1e-7.
 */
final class Adam {
  /** Decay of the first-moment estimate. */
  static final double BETA1 = 0.9;
  /** Decay of the second-moment estimate. */
  static final double BETA2 = 0.999;
  /** Keeps the step finite where the second moment is zero. */
  static final double EPSILON = 1e-7;

  /** Running mean of the gradient. */
  private final double[] m;
  /** Running mean of the squared gradient. */
  private final double[] v;
  /** Updates applied so far. */
  private int steps;

  /** State for a parameter array of {@code size} values. */
  Adam(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("parameter count must be >= 1, got " + size);
    }
    this.m = new double[size];
    this.v = new double[size];
  }

  /** Moves {@code params} one step against {@code gradient} in place, at {@code learningRate}. */
  void update(float[] params, float[] gradient, double learningRate) {
    if (params.length != m.length || gradient.length != m.length) {
      throw new IllegalArgumentException("expected " + m.length + " parameters and gradients, got "
          + params.length + " and " + gradient.length);
    }
    steps++;
    double correction1 = 1 - Math.pow(BETA1, steps);
    double correction2 = 1 - Math.pow(BETA2, steps);
    for (int i = 0; i < params.length; i++) {
      double g = gradient[i];
      m[i] = BETA1 * m[i] + (1 - BETA1) * g;
      v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
      double mHat = m[i] / correction1;
      double vHat = v[i] / correction2;
      params[i] -= (float) (learningRate * mHat / (Math.sqrt(vHat) + EPSILON));
    }
  }
}
