package dev.xaicam.cam;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The first principal component of a layer's pixels, exactly as pytorch-grad-cam's {@code
 * get_2d_projection} computes it for Eigen-CAM: the H x W x C values as an (H*W) x C matrix (one
 * row per pixel), each column (channel) centred on its mean over the pixels, then every row
 * projected on the first right-singular vector of that centred matrix (EJML's SVD).
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
    double[] v = firstRightSingularVector(centred, pixels, channels);
    int largest = 0;
    for (int p = 0; p < pixels; p++) {
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += centred[p * channels + c] * v[c];
      }
      projection[p] = sum;
      largest = Math.abs(sum) > Math.abs(projection[largest]) ? p : largest;
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

  /** The right-singular vector of the largest singular value (EJML does not sort them). */
  private static double[] firstRightSingularVector(double[] centred, int rows, int cols) {
    DMatrixRMaj matrix = new DMatrixRMaj(rows, cols, true, centred.clone());
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(rows, cols, false, true, true);
    if (!svd.decompose(matrix)) {
      throw new IllegalStateException("SVD of a " + rows + "x" + cols + " matrix did not converge");
    }
    double[] singular = svd.getSingularValues();
    int first = 0;
    for (int i = 1; i < svd.numberOfSingularValues(); i++) {
      first = singular[i] > singular[first] ? i : first;
    }
    DMatrixRMaj v = svd.getV(null, false);
    double[] vector = new double[cols];
    for (int c = 0; c < cols; c++) {
      vector[c] = v.get(c, first);
    }
    return vector;
  }
}
