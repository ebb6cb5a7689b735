package dev.xaicam.cam;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The first principal component of a layer's pixels, exactly as pytorch-grad-cam's {@code
 * get_2d_projection} computes it for Eigen-CAM: the H x W x C values as an (H*W) x C matrix (one
 * row per pixel), each column (channel) centred on its mean over the pixels, then every row
 * projected on the first right-singular vector of that centred matrix (computed through EJML's
 * symmetric eigen-decomposition of the smaller Gram matrix, which is the same vector).
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
   * X v1 for the centred rows x cols matrix X and its first right-singular vector v1, from the
   * symmetric eigen-decomposition of the smaller Gram matrix instead of an SVD of X (a 14x14x512
   * layer: a 196 x 196 eigenproblem, not a 196 x 512 SVD; the SVD cost eigencam about 0.05 s per VGG16 image).
   * With rows <= cols: X X^T u1 = s1^2 u1 and X v1 = s1 u1; otherwise X^T X v1 = s1^2 v1 directly.
   * The sign is left to the caller's rule.
   */
  private static double[] projectionOnFirstComponent(double[] centred, int rows, int cols) {
    DMatrixRMaj x = new DMatrixRMaj(rows, cols, true, centred);
    boolean byRows = rows <= cols;
    int n = byRows ? rows : cols;
    DMatrixRMaj gram = new DMatrixRMaj(n, n);
    if (byRows) {
      CommonOps_DDRM.multTransB(x, x, gram);
    } else {
      CommonOps_DDRM.multTransA(x, x, gram);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(gram)) {
      throw new IllegalStateException("eigen-decomposition of a " + n + "x" + n
          + " Gram matrix did not converge");
    }
    int first = 0;
    for (int i = 1; i < eig.getNumberOfEigenvalues(); i++) {
      first = eig.getEigenvalue(i).real > eig.getEigenvalue(first).real ? i : first;
    }
    DMatrixRMaj vector = eig.getEigenVector(first);
    double[] projection = new double[rows];
    if (byRows) {
      double singular = Math.sqrt(Math.max(0, eig.getEigenvalue(first).real));
      for (int r = 0; r < rows; r++) {
        projection[r] = singular * vector.get(r, 0);
      }
    } else {
      for (int r = 0; r < rows; r++) {
        double sum = 0;
        for (int c = 0; c < cols; c++) {
          sum += centred[r * cols + c] * vector.get(c, 0);
        }
        projection[r] = sum;
      }
    }
    return projection;
  }
}
