package dev.xaicam.cam;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings a CAM method may read when {@link CamMethods} creates it.
 *
 * @param maxN Faster Score-CAM's channel count N; checked against the layer (1..C) at use
 * @param scoreCamStats told, per image, how much work Score-CAM methods did (e.g. by a benchmark)
 */
public record CamOptions(int maxN, Consumer<ScoreCamStats> scoreCamStats) {

  /** Faster Score-CAM's default N, as the tf-keras-vis examples use. */
  public static final int DEFAULT_MAX_N = 10;

  /** Replaces a null listener by one that ignores the stats. */
  public CamOptions {
    scoreCamStats = scoreCamStats == null ? stats -> {} : scoreCamStats;
  }

  /** Options with the given N and no stats listener. */
  public CamOptions(int maxN) {
    this(maxN, null);
  }

  /** The default options: N = {@value #DEFAULT_MAX_N}, no stats listener. */
  public static CamOptions defaults() {
    return new CamOptions(DEFAULT_MAX_N);
  }

  /** A copy that reports Score-CAM work to the given listener. */
  public CamOptions withScoreCamStats(Consumer<ScoreCamStats> listener) {
    return new CamOptions(maxN, Objects.requireNonNull(listener, "listener"));
  }
}
