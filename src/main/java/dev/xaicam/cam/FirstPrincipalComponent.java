package dev.xaicam.cam;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The first principal component of a layer's pixels, exactly as pytorch-grad-cam's {@code
 * get_2d_projection} computes it for Eigen-CAM: the H x W x C values as an (H*W) x C matrix (one
 * row per pixel), each column (channel) centred on its mean over the pixels, then every row
 * projected on the first right-singular vector of that centred matrix (computed as the top
 * eigenvector of the smaller Gram matrix, which is the same vector).
 *
 * <p>Sign rule: an SVD fixes a singular vector only up to its sign, and pytorch-grad-cam's
 * Eigen-CAM keeps whatever sign LAPACK returns, so its map can come out inverted. Here the
 * projection is flipped so that the pixel of largest |projection| is positive (the first such
 * pixel in row-major order on an exact tie): pytorch-grad-cam's own {@code
 * get_2d_projection_with_sign_correction} rule (flip when |min| > |max|, Seg-Eigen-CAM Eq. 13),
 * made deterministic on ties; it is also scikit-learn's {@code svd_flip}.
 */
final class FirstPrincipalComponent {

  /** Not instantiable: static functions only. */
  private FirstPrincipalComponent() {}

  /**
   * The projection of every pixel on the first principal component, with the sign rule.
   *
   * @param values row-major pixels x channels
   * @return one value per pixel; all zeros when every channel is constant
   */
  static double[] projection(double[] values, int pixels, int channels) {
    if (values.length != pixels * channels) {
      throw new IllegalArgumentException(
          "expected " + pixels + "x" + channels + " values, got " + values.length);
    }
    double[] centred = centreColumns(values, pixels, channels);
    double[] projection = new double[pixels];
    boolean allZero = true;
    for (double v : centred) {
      allZero &= v == 0;
    }
    if (allZero) {
      return projection;
    }
    double[] projected = projectionOnFirstComponent(centred, pixels, channels);
    int largest = 0;
    for (int p = 0; p < pixels; p++) {
      projection[p] = projected[p];
      largest = Math.abs(projection[p]) > Math.abs(projection[largest]) ? p : largest;
    }
    if (projection[largest] < 0) {
      for (int p = 0; p < pixels; p++) {
        projection[p] = -projection[p];
      }
    }
    return projection;
  }

  /** A copy with every column's mean over the rows subtracted. */
  private static double[] centreColumns(double[] values, int rows, int cols) {
    double[] mean = new double[cols];
    for (int i = 0; i < values.length; i++) {
      mean[i % cols] += values[i];
    }
    for (int c = 0; c < cols; c++) {
      mean[c] /= rows;
    }
    double[] centred = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      centred[i] = values[i] - mean[i % cols];
    }
    return centred;
  }

  /**
   * X v1 for the centred rows x cols matrix X and its first right-singular vector v1, through the
   * smaller Gram matrix G instead of an SVD of X (a 14x14x512 layer: a 196 x 196 eigenproblem, not
   * a 196 x 512 SVD). With rows <= cols: X X^T u1 = s1^2 u1 and X v1 = s1 u1; otherwise
   * X^T X v1 = s1^2 v1 directly. The sign is left to the caller's rule.
   *
   * <p>Only the top eigenpair is needed, so it is not taken from a full decomposition (whose
   * eigenvectors cost three quarters of the time): the eigenvalues alone, then the top one's vector
   * by inverse iteration. With the shift just above the largest eigenvalue, sigma I - G is
   * positive definite and each iteration shrinks every other component by (sigma - l1) / (sigma -
   * li), about 1e-9 for any real gap, so two iterations reach double precision. Where the top two
   * eigenvalues nearly coincide the top vector is not well defined by the data, and where the
   * residual check fails, the full decomposition decides as before.
   */
  static double[] projectionOnFirstComponent(double[] centred, int rows, int cols) {
    boolean byRows = rows <= cols;
    DMatrixRMaj gram = byRows ? rowGram(centred, rows, cols)
        : rowGram(CommonOps_DDRM.transpose(new DMatrixRMaj(rows, cols, true, centred), null).data,
            cols, rows);
    TopEigenpair top = topEigenpair(gram);
    if (top == null) {
      top = fullDecomposition(gram);
    }
    return project(centred, rows, cols, byRows, top);
  }

  /** The largest eigenvalue of a symmetric matrix and a unit eigenvector of it. */
  record TopEigenpair(double value, double[] vector) {}

  /**
   * The top eigenpair by eigenvalues plus inverse iteration, or null where that is not safe: a
   * near-tie at the top, a failed solve, or a residual above 1e-10 of the eigenvalue.
   */
  static TopEigenpair topEigenpair(DMatrixRMaj gram) {
    int n = gram.numRows;
    EigenDecomposition_F64<DMatrixRMaj> values = DecompositionFactory_DDRM.eig(n, false, true);
    if (!values.decompose(gram.copy())) {
      return null;
    }
    double first = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.getNumberOfEigenvalues(); i++) {
      double v = values.getEigenvalue(i).real;
      if (v > first) {
        second = first;
        first = v;
      } else if (v > second) {
        second = v;
      }
    }
    if (!(first > 0) || (n > 1 && first - second <= 1e-6 * first)) {
      return null;
    }
    DMatrixRMaj shifted = new DMatrixRMaj(n, n);
    double sigma = first * (1 + 1e-9);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        shifted.unsafe_set(i, j, (i == j ? sigma : 0) - gram.unsafe_get(i, j));
      }
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
    if (!solver.setA(shifted)) {
      return null;
    }
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      // Deterministic and not orthogonal to the top vector in any practical case; the residual
      // check below catches the impractical ones.
      x.data[i] = 1 + (double) i / n;
    }
    DMatrixRMaj next = new DMatrixRMaj(n, 1);
    for (int iteration = 0; iteration < 3; iteration++) {
      solver.solve(x, next);
      double norm = NormOps_DDRM.normF(next);
      if (!(norm > 0) || !Double.isFinite(norm)) {
        return null;
      }
      CommonOps_DDRM.scale(1 / norm, next, x);
    }
    DMatrixRMaj gx = new DMatrixRMaj(n, 1);
    CommonOps_DDRM.mult(gram, x, gx);
    double residual = 0;
    for (int i = 0; i < n; i++) {
      double r = gx.data[i] - first * x.data[i];
      residual += r * r;
    }
    return Math.sqrt(residual) <= 1e-10 * first ? new TopEigenpair(first, x.data.clone()) : null;
  }

  /** The top eigenpair from EJML's full symmetric eigen-decomposition. */
  static TopEigenpair fullDecomposition(DMatrixRMaj gram) {
    int n = gram.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(gram.copy())) {
      throw new IllegalStateException("eigen-decomposition of a " + n + "x" + n
          + " Gram matrix did not converge");
    }
    int first = 0;
    for (int i = 1; i < eig.getNumberOfEigenvalues(); i++) {
      first = eig.getEigenvalue(i).real > eig.getEigenvalue(first).real ? i : first;
    }
    return new TopEigenpair(eig.getEigenvalue(first).real, eig.getEigenVector(first).data.clone());
  }

  /** Every row's projection on v1, from the top eigenpair of whichever Gram matrix was used. */
  private static double[] project(double[] centred, int rows, int cols, boolean byRows,
      TopEigenpair top) {
    double[] projection = new double[rows];
    if (byRows) {
      double singular = Math.sqrt(Math.max(0, top.value()));
      for (int r = 0; r < rows; r++) {
        projection[r] = singular * top.vector()[r];
      }
    } else {
      for (int r = 0; r < rows; r++) {
        double sum = 0;
        for (int c = 0; c < cols; c++) {
          sum += centred[r * cols + c] * top.vector()[c];
        }
        projection[r] = sum;
      }
    }
    return projection;
  }

  /**
   * M M^T of a row-major rows x cols matrix: the upper half by dot products of contiguous rows
   * (four running sums, so the loop is not bound by one addition's latency), mirrored. Rows run
   * on all cores when the product is large (VGG16's 196 x 512: about 10 million products, while
   * TensorFlow waits for the next batch); each entry is computed exactly as on one core.
   */
  static DMatrixRMaj rowGram(double[] m, int rows, int cols) {
    DMatrixRMaj gram = new DMatrixRMaj(rows, rows);
    IntStream range = IntStream.range(0, rows);
    if ((long) rows * rows * cols > 1_000_000) {
      range = range.parallel();
    }
    range.forEach(i -> gramRow(m, rows, cols, i, gram.data));
    return gram;
  }

  /** Row {@code i} of the Gram matrix from column {@code i} on, and its mirror. */
  private static void gramRow(double[] m, int rows, int cols, int i, double[] g) {
    int a = i * cols;
    for (int j = i; j < rows; j++) {
      int b = j * cols;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int c = 0;
      for (; c + 3 < cols; c += 4) {
        s0 += m[a + c] * m[b + c];
        s1 += m[a + c + 1] * m[b + c + 1];
        s2 += m[a + c + 2] * m[b + c + 2];
        s3 += m[a + c + 3] * m[b + c + 3];
      }
      for (; c < cols; c++) {
        s0 += m[a + c] * m[b + c];
      }
      double dot = (s0 + s1) + (s2 + s3);
      g[i * rows + j] = dot;
      g[j * rows + i] = dot;
    }
  }
}
