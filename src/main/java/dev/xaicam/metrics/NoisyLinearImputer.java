package dev.xaicam.metrics;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * ROAD's noisy linear imputation: Rong et al., "A Consistent and Efficient Evaluation Strategy for
 * Attribution Methods", ICML 2022, Sec. 4, as {@code NoisyLinearImputer} in the authors'
 * {@code road/imputations.py}.
 *
 * <p>Every removed pixel becomes the weighted mean of its neighbours inside the image (weight 1/6
 * for the 4 edge neighbours, 1/12 for the 4 corner ones, renormalised over those inside), where
 * removed neighbours are themselves unknowns: one sparse linear system for all removed pixels,
 * shared by the channels. Then Gaussian noise of the given standard deviation is added to every
 * imputed value. With x_i unknown, N(i) its neighbours inside the image and w their weights:
 * (sum_{j in N(i)} w_j) x_i - sum_{removed j} w_j x_j = sum_{kept j} w_j v_j. The matrix is
 * symmetric and, while any pixel is kept, positive definite, so EJML's sparse Cholesky solves it.
 */
final class NoisyLinearImputer {

  /** ROAD's default noise, 0.01 on its [0, 1] images, in the 0..255 space used here. */
  static final double DEFAULT_NOISE = 0.01 * 255;
  /** Neighbour offsets (row, column), in ROAD's order. */
  private static final int[][] OFFSETS = {
    {1, 1}, {0, 1}, {-1, 1}, {1, -1}, {0, -1}, {-1, -1}, {1, 0}, {-1, 0}
  };
  /** The neighbours' weights, in the order of {@link #OFFSETS}. */
  private static final double[] WEIGHTS = {
    1 / 12.0, 1 / 6.0, 1 / 12.0, 1 / 12.0, 1 / 6.0, 1 / 12.0, 1 / 6.0, 1 / 6.0
  };

  /** Not instantiable: static functions only. */
  private NoisyLinearImputer() {}

  /**
   * The image with the removed pixels imputed.
   *
   * @param removed per pixel (row-major), whether it is imputed
   * @param noise standard deviation of the noise added to each imputed value (0 for none)
   * @param random the noise's source, drawn pixel by pixel in row-major order, channel by channel
   */
  static InputImage impute(InputImage image, boolean[] removed, double noise, Random random) {
    int h = image.height();
    int w = image.width();
    int c = image.channels();
    if (removed.length != image.pixels()) {
      throw new IllegalArgumentException(
          "mask length " + removed.length + " != " + image.pixels() + " pixels");
    }
    int[] unknown = new int[removed.length];
    int unknowns = 0;
    for (int p = 0; p < removed.length; p++) {
      unknown[p] = removed[p] ? unknowns++ : -1;
    }
    float[] out = image.values().clone();
    if (unknowns == 0) {
      return new InputImage(h, w, c, out);
    }
    if (unknowns == removed.length) {
      throw new IllegalArgumentException("cannot impute every pixel: none is left to interpolate");
    }
    DMatrixSparseTriplet system = new DMatrixSparseTriplet(unknowns, unknowns, 9 * unknowns);
    DMatrixRMaj right = new DMatrixRMaj(unknowns, c);
    float[] v = image.values();
    for (int p = 0; p < removed.length; p++) {
      int i = unknown[p];
      if (i < 0) {
        continue;
      }
      int y = p / w;
      int x = p % w;
      double inside = 0;
      for (int n = 0; n < OFFSETS.length; n++) {
        int yy = y + OFFSETS[n][0];
        int xx = x + OFFSETS[n][1];
        if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
          continue;
        }
        inside += WEIGHTS[n];
        int q = yy * w + xx;
        if (unknown[q] >= 0) {
          system.addItem(i, unknown[q], -WEIGHTS[n]);
        } else {
          for (int k = 0; k < c; k++) {
            right.add(i, k, WEIGHTS[n] * v[q * c + k]);
          }
        }
      }
      system.addItem(i, i, inside);
    }
    DMatrixSparseCSC matrix = DConvertMatrixStruct.convert(system, (DMatrixSparseCSC) null);
    matrix.sortIndices(null);
    LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver =
        LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
    if (!solver.setA(matrix)) {
      throw new IllegalStateException("Cholesky factorisation of the imputation system failed");
    }
    DMatrixRMaj solution = new DMatrixRMaj(unknowns, c);
    solver.solve(right, solution);
    for (int p = 0; p < removed.length; p++) {
      int i = unknown[p];
      if (i >= 0) {
        for (int k = 0; k < c; k++) {
          out[p * c + k] = (float) (solution.get(i, k) + noise * random.nextGaussian());
        }
      }
    }
    return new InputImage(h, w, c, out);
  }
}
