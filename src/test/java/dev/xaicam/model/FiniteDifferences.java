package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.Random;

/** Test support: float64 central-difference checks of vector-Jacobian products. */
final class FiniteDifferences {
  /** Central-difference step; small enough not to cross relu kinks or pooling ties. */
  static final double STEP = 1e-6;

  /** Static methods only. */
  private FiniteDifferences() {}

  /** n uniform values in [-1, 1). */
  static double[] random(long seed, int n) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 2 * r.nextDouble() - 1;
    }
    return v;
  }

  /** Sum of a[i] * b[i]. */
  static double dot(double[] a, double[] b) {
    assertThat(a).hasSameSizeAs(b);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** x + t * v. */
  static double[] step(double[] x, double t, double[] v) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] + t * v[i];
    }
    return out;
  }

  /**
   * Dot-product test of {@code layer.backward}: {@code <u, J v>} by central differences of the
   * forward must equal {@code <J^T u, v>} from the backward, for random x, u, v in float64.
   */
  static void assertBackwardMatchesForward(TensorScope scope, Layer layer, int[] xShape,
      long seed) {
    int n = 1;
    for (int d : xShape) {
      n *= d;
    }
    double[] x = random(seed, n);
    double[] v = random(seed + 1, n);
    Tensor xt = scope.fromDoubles(x, xShape);
    Tensor y = layer.forward(scope, xt);
    double[] u = random(seed + 2, (int) y.size());
    double[] plus = layer.forward(scope, scope.fromDoubles(step(x, STEP, v), xShape)).toDoubles();
    double[] minus = layer.forward(scope, scope.fromDoubles(step(x, -STEP, v), xShape)).toDoubles();
    double[] jv = step(plus, -1, minus);
    for (int i = 0; i < jv.length; i++) {
      jv[i] /= 2 * STEP;
    }
    Tensor dx = layer.backward(scope, xt, y, scope.fromDoubles(u, y.shape()));
    assertThat(dx.shape()).containsExactly(xShape);
    double expected = dot(u, jv);
    double actual = dot(dx.toDoubles(), v);
    assertThat(Math.abs(expected)).as("a non-trivial test").isGreaterThan(1e-3);
    assertThat(actual).isCloseTo(expected, within(1e-7 * (1 + Math.abs(expected))));
  }

  /** Builds a layer over given kernel and bias tensors. */
  interface LayerFactory {
    /** The layer with these weights. */
    Layer make(Tensor kernel, Tensor bias);
  }

  /**
   * Dot-product test of {@code weightGradients}: for a random direction (dK, db) in weight space,
   * {@code <u, d/dt f(K + t dK, b + t db)>} by central differences must equal
   * {@code <dL/dK, dK> + <dL/db, db>} with dL/dy = u, in float64.
   */
  static void assertWeightGradientsMatchForward(TensorScope scope, LayerFactory factory,
      int[] kernelShape, int[] xShape, long seed) {
    int nk = 1;
    for (int d : kernelShape) {
      nk *= d;
    }
    int nb = kernelShape[kernelShape.length - 1];
    int nx = 1;
    for (int d : xShape) {
      nx *= d;
    }
    double[] k = random(seed, nk);
    double[] b = random(seed + 1, nb);
    double[] dk = random(seed + 2, nk);
    double[] db = random(seed + 3, nb);
    Tensor x = scope.fromDoubles(random(seed + 4, nx), xShape);
    Layer layer = factory.make(scope.fromDoubles(k, kernelShape), scope.fromDoubles(b, nb));
    Tensor y = layer.forward(scope, x);
    double[] u = random(seed + 5, (int) y.size());
    double[] plus = factory.make(scope.fromDoubles(step(k, STEP, dk), kernelShape),
        scope.fromDoubles(step(b, STEP, db), nb)).forward(scope, x).toDoubles();
    double[] minus = factory.make(scope.fromDoubles(step(k, -STEP, dk), kernelShape),
        scope.fromDoubles(step(b, -STEP, db), nb)).forward(scope, x).toDoubles();
    double expected = (dot(u, plus) - dot(u, minus)) / (2 * STEP);
    java.util.List<Tensor> g = layer.weightGradients(scope, x, y, scope.fromDoubles(u, y.shape()));
    assertThat(g).hasSize(2);
    assertThat(g.get(0).shape()).containsExactly(kernelShape);
    assertThat(g.get(1).shape()).containsExactly(nb);
    double actual = dot(g.get(0).toDoubles(), dk) + dot(g.get(1).toDoubles(), db);
    assertThat(Math.abs(expected)).as("a non-trivial test").isGreaterThan(1e-3);
    assertThat(actual).isCloseTo(expected, within(1e-7 * (1 + Math.abs(expected))));
  }
}
