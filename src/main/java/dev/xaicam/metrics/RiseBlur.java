package dev.xaicam.metrics;

/**
 * The blur RISE's insertion game starts from (Petsiuk et al. 2018, the authors' {@code
 * evaluation.py} and notebook): {@code gkern(klen=11, nsig=5)}, i.e. SciPy's {@code
 * gaussian_filter(delta, 5)} on an 11 x 11 delta (sigma 5, truncated at 4 sigma and folded back
 * by the 'reflect' border, so the 11 taps sum to 1), applied per channel as a convolution with
 * zero padding of 5 ({@code conv2d(x, kern, padding=klen//2)}).
 *
 * <p>The kernel is the outer product of one 1-D kernel, so the blur runs as two 1-D passes. RISE
 * blurs its normalised tensors; here the 0..255 image is blurred, which is the same up to the
 * border, where zero padding means black here and the dataset's mean colour there.
 */
final class RiseBlur {

  /** Kernel length, RISE's {@code klen}. */
  static final int LENGTH = 11;
  /** Gaussian standard deviation in pixels, RISE's {@code ksig}. */
  static final double SIGMA = 5;
  /** The 1-D kernel, centre at index 5. */
  private static final double[] KERNEL = kernel();

  /** Not instantiable: static functions only. */
  private RiseBlur() {}

  /** The 1-D kernel: tap i of SciPy's 'reflect' Gaussian filter of a delta at index 5. */
  static double[] kernel() {
    int radius = (int) (4.0 * SIGMA + 0.5);
    double[] weights = new double[2 * radius + 1];
    double sum = 0;
    for (int j = -radius; j <= radius; j++) {
      weights[j + radius] = Math.exp(-0.5 * j * j / (SIGMA * SIGMA));
      sum += weights[j + radius];
    }
    // 'reflect' (d c b a | a b c d | d c b a) repeats with period 2n; position m reads the delta
    // when it folds onto index 5, i.e. when m mod 2n is 5 or 2n - 1 - 5.
    int n = LENGTH;
    int centre = LENGTH / 2;
    double[] kernel = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = -radius; j <= radius; j++) {
        int folded = Math.floorMod(i + j, 2 * n);
        if (folded == centre || folded == 2 * n - 1 - centre) {
          kernel[i] += weights[j + radius] / sum;
        }
      }
    }
    return kernel;
  }

  /** The blurred copy of the image. */
  static InputImage blur(InputImage image) {
    int h = image.height();
    int w = image.width();
    int c = image.channels();
    int half = LENGTH / 2;
    float[] in = image.values();
    double[] rows = new double[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int t = 0; t < LENGTH; t++) {
          int xx = x + t - half;
          if (xx >= 0 && xx < w) {
            for (int k = 0; k < c; k++) {
              rows[(y * w + x) * c + k] += KERNEL[t] * in[(y * w + xx) * c + k];
            }
          }
        }
      }
    }
    float[] out = new float[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int k = 0; k < c; k++) {
          double sum = 0;
          for (int t = 0; t < LENGTH; t++) {
            int yy = y + t - half;
            if (yy >= 0 && yy < h) {
              sum += KERNEL[t] * rows[(yy * w + x) * c + k];
            }
          }
          out[(y * w + x) * c + k] = (float) sum;
        }
      }
    }
    return new InputImage(h, w, c, out);
  }
}
