package dev.xaicam.cam;

/**
 * Bilinear resize whose corner pixels stay aligned, as {@code scipy.ndimage.zoom(order=1)} does
 * (and so tf-keras-vis): output pixel i samples input position i*(in-1)/(out-1).
 *
 * <p>This is not OpenCV's half-pixel-centre resize; the two differ everywhere but at the corners.
 * Interpolation is written as {@code a + t*(b-a)} so a constant input stays exactly constant,
 * which Score-CAM's constant-channel shortcut relies on.
 */
final class CornerAlignedZoom {

  /** Input rows. */
  private final int inHeight;
  /** Input columns. */
  private final int inWidth;
  /** Output rows. */
  private final int outHeight;
  /** Output columns. */
  private final int outWidth;
  /** Per output row: the input row above the sample position. */
  private final int[] row0;
  /** Per output row: the fraction of the way to the next input row. */
  private final double[] rowT;
  /** Per output column: the input column left of the sample position. */
  private final int[] col0;
  /** Per output column: the fraction of the way to the next input column. */
  private final double[] colT;

  /** A resize from inHeight x inWidth to outHeight x outWidth; sample positions computed once. */
  CornerAlignedZoom(int inHeight, int inWidth, int outHeight, int outWidth) {
    if (inHeight <= 0 || inWidth <= 0 || outHeight <= 0 || outWidth <= 0) {
      throw new IllegalArgumentException(
          "zoom sizes must be positive, got " + inHeight + "x" + inWidth + " -> " + outHeight + "x"
              + outWidth);
    }
    this.inHeight = inHeight;
    this.inWidth = inWidth;
    this.outHeight = outHeight;
    this.outWidth = outWidth;
    this.row0 = new int[outHeight];
    this.rowT = new double[outHeight];
    this.col0 = new int[outWidth];
    this.colT = new double[outWidth];
    axis(inHeight, outHeight, row0, rowT);
    axis(inWidth, outWidth, col0, colT);
  }

  /** Fills one axis's sample cells and fractions; a 1-long output samples position 0, as scipy. */
  private static void axis(int in, int out, int[] lower, double[] fraction) {
    for (int i = 0; i < out; i++) {
      double position = out == 1 ? 0 : (double) i * (in - 1) / (out - 1);
      int cell = Math.min((int) Math.floor(position), Math.max(in - 2, 0));
      lower[i] = cell;
      fraction[i] = in == 1 ? 0 : position - cell;
    }
  }

  /** The resized copy of a row-major inHeight x inWidth array. */
  double[] apply(double[] in) {
    double[] out = new double[outHeight * outWidth];
    apply(in, out);
    return out;
  }

  /** Resizes a row-major inHeight x inWidth array into a caller-owned outHeight x outWidth one. */
  void apply(double[] in, double[] out) {
    if (in.length != inHeight * inWidth || out.length != outHeight * outWidth) {
      throw new IllegalArgumentException(
          "zoom expects " + inHeight * inWidth + " -> " + outHeight * outWidth + " values, got "
              + in.length + " -> " + out.length);
    }
    int nextRow = inHeight > 1 ? inWidth : 0;
    int nextCol = inWidth > 1 ? 1 : 0;
    for (int y = 0; y < outHeight; y++) {
      int base = row0[y] * inWidth;
      double ty = rowT[y];
      for (int x = 0; x < outWidth; x++) {
        int i = base + col0[x];
        double tx = colT[x];
        double a = in[i];
        double b = in[i + nextCol];
        double c = in[i + nextRow];
        double d = in[i + nextRow + nextCol];
        double top = a + tx * (b - a);
        double bottom = c + tx * (d - c);
        out[y * outWidth + x] = top + ty * (bottom - top);
      }
    }
  }
}
