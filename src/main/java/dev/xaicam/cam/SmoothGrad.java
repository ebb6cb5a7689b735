package dev.xaicam.cam;

import dev.xaicam.XaiCamException;
import java.util.Random;
import java.util.Set;

/**
 * SmoothGrad: Smilkov et al., "SmoothGrad: removing noise by adding noise", ICML Workshop 2017,
 * Eq. 3, as tf-keras-vis's {@code Saliency(smooth_samples=N, smooth_noise=s)} computes it.
 *
 * <p>With sigma = s * (max(x) - min(x)) over the whole network input x: N copies x + n_i, each
 * element of n_i drawn from N(0, sigma^2); map = max over colour channels of mean_i |dS/dx(x +
 * n_i)|. The noise comes from {@link Random} seeded with the seed, drawn copy by copy in
 * row-major H x W x C order, so a run repeats exactly whatever the batch size.
 */
final class SmoothGrad implements CamMethod {

  /** N, the number of noisy copies. */
  private final int samples;
  /** s, the noise's standard deviation as a fraction of the input's range. */
  private final double noise;
  /** Seed of the noise generator. */
  private final long seed;

  /** A SmoothGrad over the given number of copies; options are checked at use. */
  SmoothGrad(int samples, double noise, long seed) {
    this.samples = samples;
    this.noise = noise;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "smoothgrad";
  }

  @Override
  public String description() {
    return "SmoothGrad (Smilkov et al. 2017): saliency averaged over --smooth-samples noisy copies";
  }

  @Override
  public Set<MethodNeed> needs() {
    return MethodNeed.setOf(MethodNeed.INPUT_GRADIENT_FUNCTION);
  }

  /** N must be at least 1 and s a finite non-negative number; neither depends on the layer. */
  @Override
  public void checkOptions(int layerChannels, String layerName) {
    checkOptions();
  }

  @Override
  public RawMap rawMap(CamInputs inputs) {
    checkOptions();
    InputGradientFunction function = inputs.inputGradientFunction();
    int size = function.height() * function.width() * function.channels();
    float[] x = function.input();
    if (x.length != size) {
      throw new IllegalArgumentException(
          "input length " + x.length + " != H*W*C = " + size + " of the gradient function");
    }
    int batchSize = function.batchSize();
    if (batchSize < 1) {
      throw new IllegalArgumentException("gradient batch size must be >= 1, got " + batchSize);
    }
    double sigma = noise * range(x);
    Random random = new Random(seed);
    double[] total = new double[size];
    for (int start = 0; start < samples; start += batchSize) {
      int count = Math.min(batchSize, samples - start);
      float[][] noisy = new float[count][size];
      for (int j = 0; j < count; j++) {
        for (int i = 0; i < size; i++) {
          noisy[j][i] = (float) (x[i] + sigma * random.nextGaussian());
        }
      }
      float[][] gradients = function.gradients(noisy);
      if (gradients == null || gradients.length != count) {
        throw new IllegalStateException(
            "gradient function returned " + (gradients == null ? "null" : gradients.length)
                + " gradients for " + count + " inputs");
      }
      for (float[] g : gradients) {
        if (g.length != size) {
          throw new IllegalStateException("gradient length " + g.length + " != H*W*C = " + size);
        }
        for (int i = 0; i < size; i++) {
          total[i] += Math.abs((double) g[i]);
        }
      }
    }
    int channels = function.channels();
    double[] map = new double[function.height() * function.width()];
    for (int i = 0; i < size; i++) {
      map[i / channels] = Math.max(map[i / channels], total[i] / samples);
    }
    return new RawMap(function.height(), function.width(), map);
  }

  /** Fails with a usage error naming the option out of range. */
  private void checkOptions() {
    if (samples < 1) {
      throw XaiCamException.usage("--smooth-samples must be at least 1, got " + samples);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw XaiCamException.usage("--smooth-noise must be a non-negative number, got " + noise);
    }
  }

  /** max(x) - min(x). */
  private static double range(float[] x) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max - min;
  }
}
