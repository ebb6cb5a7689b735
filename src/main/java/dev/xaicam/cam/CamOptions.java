package dev.xaicam.cam;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings a CAM method may read when {@link CamMethods} creates it; each method checks its own
 * ({@link CamMethod#checkOptions}).
 *
 * @param maxN Faster Score-CAM's channel count N; checked against the layer (1..C)
 * @param smoothSamples SmoothGrad's number of noisy copies N (>= 1)
 * @param smoothNoise SmoothGrad's noise standard deviation as a fraction of the input's range
 * @param seed SmoothGrad's random seed, so a run is repeatable
 * @param scoreCamStats told, per image, how much work Score-CAM methods did (e.g. by a benchmark)
 */
public record CamOptions(
    int maxN,
    int smoothSamples,
    double smoothNoise,
    long seed,
    Consumer<ScoreCamStats> scoreCamStats) {

  /** Faster Score-CAM's default N, as the tf-keras-vis examples use. */
  public static final int DEFAULT_MAX_N = 10;
  /** SmoothGrad's default number of noisy copies, as the issue asks (tf-keras-vis has none). */
  public static final int DEFAULT_SMOOTH_SAMPLES = 20;
  /** SmoothGrad's default noise level, tf-keras-vis's {@code smooth_noise=0.20}. */
  public static final double DEFAULT_SMOOTH_NOISE = 0.2;
  /** The default seed for SmoothGrad's noise. */
  public static final long DEFAULT_SEED = 0;

  /** Replaces a null listener by one that ignores the stats. */
  public CamOptions {
    scoreCamStats = scoreCamStats == null ? stats -> {} : scoreCamStats;
  }

  /** Options with the given N, SmoothGrad's defaults and no stats listener. */
  public CamOptions(int maxN) {
    this(maxN, DEFAULT_SMOOTH_SAMPLES, DEFAULT_SMOOTH_NOISE, DEFAULT_SEED, null);
  }

  /** The default options: N = {@value #DEFAULT_MAX_N}, SmoothGrad's defaults, no listener. */
  public static CamOptions defaults() {
    return new CamOptions(DEFAULT_MAX_N);
  }

  /** A copy that reports Score-CAM work to the given listener. */
  public CamOptions withScoreCamStats(Consumer<ScoreCamStats> listener) {
    return new CamOptions(
        maxN, smoothSamples, smoothNoise, seed, Objects.requireNonNull(listener, "listener"));
  }

  /** A copy with SmoothGrad's sample count, noise level and seed. */
  public CamOptions withSmoothing(int samples, double noise, long randomSeed) {
    return new CamOptions(maxN, samples, noise, randomSeed, scoreCamStats);
  }
}
