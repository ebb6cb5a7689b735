package dev.xaicam.bench;

import java.util.List;

/**
 * Everything one benchmark run measured.
 *
 * @param machine the machine and configuration
 * @param startup start-up costs
 * @param decodeSecondsPerImage decoding + preprocessing one image file (one thread); null for
 *     random inputs
 * @param forward plain forward pass per batch size
 * @param methods every method per batch size
 * @param scoreCam Score-CAM's skip counts per image (from the first Score-CAM case)
 * @param soak the memory soak, or null
 * @param peakResetWorks whether per-case peaks are per case (else process peaks so far)
 * @param oneShot one-shot runs of the real command line in child processes (may be empty)
 */
public record BenchmarkResult(Machine machine, Startup startup, Double decodeSecondsPerImage,
    List<Timing> forward, List<Timing> methods, List<ScoreCamSkips> scoreCam, Soak soak,
    boolean peakResetWorks, List<OneShotTiming> oneShot) {
  /**
   * This result with {@code timings} as its one-shot runs. When there are some, this process
   * spent their time before its own start-up, so its "process start to first heatmap" is dropped:
   * the one-shot runs are that figure, measured properly.
   */
  public BenchmarkResult withOneShot(List<OneShotTiming> timings) {
    Startup own = timings.isEmpty() ? startup : new Startup(startup.engineLoad(),
        startup.weightsLoad(), startup.weightsFromFile(), startup.networkBuild(),
        startup.firstHeatmap(), null);
    return new BenchmarkResult(machine, own, decodeSecondsPerImage, forward, methods, scoreCam,
        soak, peakResetWorks, List.copyOf(timings));
  }
}
