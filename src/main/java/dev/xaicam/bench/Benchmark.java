package dev.xaicam.bench;

import dev.xaicam.cam.CamMethod;
import dev.xaicam.cam.CamMethods;
import dev.xaicam.cam.CamOptions;
import dev.xaicam.cam.MethodNeed;
import dev.xaicam.cam.ScoreCamStats;
import dev.xaicam.explain.CamRunner;
import dev.xaicam.explain.Targets;
import dev.xaicam.architectures.GlorotWeights;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.Precision;
import dev.xaicam.network.TargetNode;
import dev.xaicam.network.ModelWeights;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code xai-cam bench}: times start-up, plain forward passes and every CAM method on one network
 * in this process, with peak resident memory, and optionally soaks forward+backward passes to
 * show that memory stays flat. The CAM cases run the explain command's own {@link CamRunner}, so
 * the figures are the tool's. Numbers only; nothing is written to disk.
 */
public final class Benchmark {
  /** Rounds of every cheap method at every batch size before the first timed case. */
  private static final int WARM_UP_ROUNDS = 4;
  /** Name of the full Score-CAM, whose skip counts are reported. */
  private static final String SCORE_CAM = "scorecam";

  /** What the run measures. */
  private final BenchSettings settings;
  /** Where progress lines go (stderr for the command). */
  private final Consumer<String> progress;

  /** A benchmark of {@code settings}, reporting progress lines to {@code progress}. */
  public Benchmark(BenchSettings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs every measurement; takes minutes on VGG16 (Score-CAM dominates). */
  public BenchmarkResult run() {
    Instant processStart = ProcessHandle.current().info().startInstant().orElse(null);
    ModelGraph graph = ModelGraph.of(settings.architecture());
    try {
      TensorRuntime.shared().useThreads(settings.threads());
    } catch (IllegalStateException alreadyStarted) {
      progress.accept("TensorFlow already started; its thread setting stays as it was");
    }
    long t0 = System.nanoTime();
    TensorRuntime.shared().load();
    double engineLoad = Timings.secondsSince(t0);
    t0 = System.nanoTime();
    ModelWeights weights = settings.weights() != null
        ? KerasModelFile.readWeightsOnly(settings.weights())
        : GlorotWeights.of(graph, settings.seed());
    double weightsLoad = Timings.secondsSince(t0);
    t0 = System.nanoTime();
    try (GraphNetwork network = GraphNetwork.create(graph, weights, TensorRuntime.shared(),
        Precision.FLOAT32)) {
      double networkBuild = Timings.secondsSince(t0);
      weights = null;
      // The heap copy of the weights is garbage now; collecting it before the cases makes their
      // peak resident memory what the network needs, not what loading left behind.
      ProcessMemory.heapUsedAfterGc();
      BenchInputs inputs = BenchInputs.of(settings);
      Cases cases = new Cases(network, graph.defaultTarget());

      t0 = System.nanoTime();
      cases.explain(CamMethods.create("gradcam", CamOptions.defaults()), inputs.batch(0, 1), 1);
      double firstHeatmap = Timings.secondsSince(t0);
      Double sinceStart = processStart == null ? null
          : Duration.between(processStart, Instant.now()).toNanos() / 1e9;
      Startup startup = new Startup(engineLoad, weightsLoad, settings.weights() != null,
          networkBuild, firstHeatmap, sinceStart);
      progress.accept(String.format("start-up: engine %.2f s, weights %.2f s, network %.2f s,"
          + " first heatmap %.2f s", engineLoad, weightsLoad, networkBuild, firstHeatmap));

      boolean resets = ProcessMemory.resetPeak();
      List<Timing> forward = new ArrayList<>();
      TreeSet<Integer> forwardSizes = new TreeSet<>(settings.forwardBatchSizes());
      forwardSizes.addAll(settings.methodBatchSizes());
      for (int b : forwardSizes) {
        forward.add(timeForward(network, inputs, b));
      }
      // Whatever is timed first pays for code the later cases reuse (the shared CAM tail is still
      // being compiled) and allocator arenas (measured: the same method read 1.54x a forward pass
      // when first, 1.08x when second), so every method of a pass or two runs a few times at
      // every batch size before any is timed.
      for (int warmUp = 0; warmUp < WARM_UP_ROUNDS; warmUp++) {
        for (String name : settings.methods()) {
          CamMethod method = CamMethods.create(name, CamOptions.defaults());
          if (!manyPasses(method)) {
            for (int b : settings.methodBatchSizes()) {
              cases.explain(method, inputs.batch(0, b), b);
            }
          }
        }
      }
      List<Timing> methods = new ArrayList<>();
      List<ScoreCamSkips> skips = new ArrayList<>();
      for (String name : settings.methods()) {
        for (int b : settings.methodBatchSizes()) {
          methods.add(timeMethod(name, b, cases, inputs, forward, skips));
        }
      }
      Soak soak = settings.soakImages() > 0 ? soak(cases, inputs) : null;
      return new BenchmarkResult(MachineFacts.of(settings), startup, inputs.decodeSecondsPerImage(),
          forward, methods, skips, soak, resets, List.of());
    }
  }

  /** Times the plain forward pass at batch size {@code b}, after one warm-up. */
  private Timing timeForward(GraphNetwork network, BenchInputs inputs, int b) {
    float[] stacked = inputs.stacked(0, b);
    network.probabilities(stacked, b); // warm-up
    ProcessMemory.resetPeak();
    double[] times = new double[settings.repeats()];
    for (int r = 0; r < times.length; r++) {
      long s = System.nanoTime();
      network.probabilities(stacked, b);
      times[r] = Timings.secondsSince(s) / b;
    }
    double median = Timings.median(times);
    progress.accept(String.format("forward, batch %d: %.3f s per image", b, median));
    return new Timing("forward", b, b * times.length, median, null, ProcessMemory.peakResidentBytes());
  }

  /** Times one method at one batch size; Score-CAM runs once on its own image count. */
  private Timing timeMethod(String name, int b, Cases cases, BenchInputs inputs, List<Timing> forward,
      List<ScoreCamSkips> skips) {
    List<ScoreCamStats> stats = new ArrayList<>();
    CamMethod method = CamMethods.create(name, CamOptions.defaults().withScoreCamStats(stats::add));
    double perImage;
    int images;
    Double pairedRatio = null;
    // Methods of many passes (masked inputs, ablated channels, noisy copies) run once; every
    // other method costs about a pass or two and gets the repeated, paired timing.
    if (!manyPasses(method)) {
      List<float[]> batch = inputs.batch(0, b);
      float[] stacked = inputs.stacked(0, b);
      // One more warm-up right before timing: the rounds above ran every batch size already,
      // this one puts this method's own code and buffers back in place after the others ran.
      cases.explain(method, batch, b);
      ProcessMemory.resetPeak();
      double[] times = new double[settings.repeats()];
      double[] forwardTimes = new double[settings.repeats()];
      for (int r = 0; r < times.length; r++) {
        // A plain forward pass right before each timed batch: on a shared machine both then see
        // the same load, so their ratio holds even when absolute times drift.
        long f = System.nanoTime();
        cases.network().probabilities(stacked, b);
        forwardTimes[r] = Timings.secondsSince(f) / b;
        long s = System.nanoTime();
        cases.explain(method, batch, b);
        times[r] = Timings.secondsSince(s) / b;
      }
      perImage = Timings.median(times);
      // The median of the paired ratios: each method run against the forward pass just before it.
      double[] ratios = new double[times.length];
      for (int r = 0; r < times.length; r++) {
        ratios[r] = times[r] / forwardTimes[r];
      }
      pairedRatio = Timings.median(ratios);
      images = b * times.length;
    } else {
      // Masked passes dominate and warm themselves up; one run, no warm-up.
      images = method.name().equals(SCORE_CAM) ? settings.scoreCamImages() : b;
      ProcessMemory.resetPeak();
      long s = System.nanoTime();
      for (int start = 0; start < images; start += b) {
        cases.explain(method, inputs.batch(start, Math.min(b, images - start)), b);
      }
      perImage = Timings.secondsSince(s) / images;
      if (method.name().equals(SCORE_CAM) && skips.isEmpty()) {
        for (int i = 0; i < stats.size(); i++) {
          ScoreCamStats st = stats.get(i);
          skips.add(new ScoreCamSkips(inputs.name(i), st.selectedChannels(), st.constantChannels(),
              st.forwardPasses()));
        }
      }
    }
    long peak = ProcessMemory.peakResidentBytes();
    Double ratio = pairedRatio != null ? pairedRatio
        : forward.stream().filter(f -> f.batchSize() == b).findFirst()
            .map(f -> perImage / f.secondsPerImage()).orElse(null);
    progress.accept(String.format("%s, batch %d: %.3f s per image%s", method.name(), b, perImage,
        ratio == null ? "" : String.format(" (%.2fx forward)", ratio)));
    return new Timing(method.name(), b, images, perImage, ratio, peak);
  }

  /** Whether {@code method} runs many passes (masked inputs, ablated channels, noisy copies). */
  private static boolean manyPasses(CamMethod method) {
    return method.needs(MethodNeed.MASKED_INPUT_SCORER)
        || method.needs(MethodNeed.ABLATED_LAYER_SCORER)
        || method.needs(MethodNeed.INPUT_GRADIENT_FUNCTION);
  }

  /** Runs forward + backward + Grad-CAM over the soak's images, sampling memory. */
  private Soak soak(Cases cases, BenchInputs inputs) {
    int soakImages = settings.soakImages();
    int b = Math.min(soakImages, settings.methodBatchSizes().get(settings.methodBatchSizes().size() - 1));
    CamMethod gradcam = CamMethods.create("gradcam", CamOptions.defaults());
    MemorySample start = null;
    int done = 0;
    int step = Math.max(1, soakImages / 10);
    int nextReport = step;
    while (done < soakImages) {
      int n = Math.min(b, soakImages - done);
      cases.explain(gradcam, inputs.batch(done, n), b);
      done += n;
      if (start == null) {
        start = memory();
      }
      if (done >= nextReport) {
        progress.accept(String.format("soak: %d/%d images, RSS %d MB", done, soakImages,
            ProcessMemory.residentBytes() >> 20));
        nextReport += step;
      }
    }
    return new Soak(done, b, start, memory());
  }

  /** Memory now, heap measured after a full collection. */
  private static MemorySample memory() {
    long heap = ProcessMemory.heapUsedAfterGc();
    return new MemorySample(ProcessMemory.residentBytes(), heap,
        TensorRuntime.shared().liveTensorCount(), TensorRuntime.shared().openScopeCount());
  }

  /** Runs one method over one batch through the explain command's {@link CamRunner}, writing nothing. */
  private record Cases(GraphNetwork network, TargetNode layer) {
    /** Each image's top class explained by {@code method}; Score-CAM's masks {@code maskBatch} at a time. */
    void explain(CamMethod method, List<float[]> images, int maskBatch) {
      new CamRunner(network, layer, List.of(method), Targets.top(1), maskBatch).run(images, () -> false, cams -> {});
    }
  }
}
