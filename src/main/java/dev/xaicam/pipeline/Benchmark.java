package dev.xaicam.pipeline;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.CamComputation;
import dev.xaicam.cam.CamInputs;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.cam.CamMethods;
import dev.xaicam.cam.CamOptions;
import dev.xaicam.cam.LayerSignal;
import dev.xaicam.cam.MethodNeed;
import dev.xaicam.cam.ScoreCamStats;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.ImageDecoder;
import dev.xaicam.image.Preprocessing;
import dev.xaicam.model.Architecture;
import dev.xaicam.model.ForwardPass;
import dev.xaicam.model.KerasWeightsFile;
import dev.xaicam.model.ModelWeights;
import dev.xaicam.model.Network;
import dev.xaicam.model.TargetLayer;
import dev.xaicam.model.Vgg16;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code xai-cam bench}: times start-up, plain forward passes and every CAM method on one network
 * in this process, with peak resident memory, and optionally soaks forward+backward passes to
 * show that memory stays flat. Numbers only; nothing is written to disk.
 */
public final class Benchmark {
  /** Methods timed by default, the slow Score-CAM last. */
  public static final List<String> DEFAULT_METHODS =
      List.of("gradcam", "gradcam++", "layercam", "faster-scorecam", "scorecam");
  /** Name of the full Score-CAM, whose skip counts are reported. */
  private static final String SCORE_CAM = "scorecam";

  /** What the run measures. */
  private final Config config;
  /** Where progress lines go (stderr for the command). */
  private final Consumer<String> progress;

  /** A benchmark of {@code config}, reporting progress lines to {@code progress}. */
  public Benchmark(Config config, Consumer<String> progress) {
    this.config = config;
    this.progress = progress;
  }

  /**
   * What to measure.
   *
   * @param architecture the network (VGG16 for the command; tests use a tiny one)
   * @param preprocessing how decoded images become network input
   * @param weights Keras HDF5 file to load and time, or {@code null} for seeded random weights
   * @param seed seed of the random weights and of the random input images
   * @param images image files to feed (cycled), or empty for seeded random inputs
   * @param forwardBatchSizes batch sizes of the plain forward pass
   * @param methodBatchSizes batch sizes of the CAM methods (also masks per Score-CAM pass)
   * @param methods CAM method names
   * @param repeats timed batches per gradient-method case after one warm-up (median reported)
   * @param scoreCamImages images Score-CAM explains per batch size
   * @param threads TensorFlow threads
   * @param soakImages images of the memory soak (forward + backward + Grad-CAM); 0 for none
   */
  public record Config(
      Architecture architecture,
      Preprocessing preprocessing,
      Path weights,
      long seed,
      List<Path> images,
      List<Integer> forwardBatchSizes,
      List<Integer> methodBatchSizes,
      List<String> methods,
      int repeats,
      int scoreCamImages,
      int threads,
      int soakImages) {

    /** Checks every value, naming the command's option in the message. */
    public Config {
      check(architecture != null, "an architecture is required");
      check(preprocessing != null, "a preprocessing is required");
      images = List.copyOf(images);
      forwardBatchSizes = checkedSizes("--batch-sizes", forwardBatchSizes);
      methodBatchSizes = checkedSizes("--method-batch-sizes", methodBatchSizes);
      methods = List.copyOf(methods);
      for (String method : methods) {
        CamMethods.create(method, CamOptions.defaults());
      }
      check(repeats >= 1, "--repeats must be >= 1, got " + repeats);
      check(scoreCamImages >= 1, "--scorecam-images must be >= 1, got " + scoreCamImages);
      check(threads >= 1, "--threads must be >= 1, got " + threads);
      check(soakImages >= 0, "--soak must be >= 0, got " + soakImages);
      if (weights != null && !Files.isRegularFile(weights)) {
        throw XaiCamException.usage("--weights " + weights + ": no such file");
      }
      for (Path image : images) {
        if (!Files.isRegularFile(image)) {
          throw XaiCamException.usage("image " + image + ": no such file");
        }
      }
    }

    /** VGG16 with the command's defaults: random weights, batch sizes 1, 8, 32 and 1, 8. */
    public static Config vgg16Defaults() {
      return new Config(Vgg16.architecture(), Preprocessing.CAFFE, null, 1, List.of(),
          List.of(1, 8, 32), List.of(1, 8), DEFAULT_METHODS, 3, 1,
          Runtime.getRuntime().availableProcessors(), 0);
    }

    /** Fails with a usage error unless every size is >= 1; sorted, duplicates removed. */
    private static List<Integer> checkedSizes(String option, List<Integer> sizes) {
      check(sizes != null && !sizes.isEmpty(), option + " needs at least one batch size");
      for (int size : sizes) {
        check(size >= 1, option + ": batch sizes must be >= 1, got " + size);
      }
      return List.copyOf(new TreeSet<>(sizes));
    }

    /** A usage error unless {@code ok}. */
    private static void check(boolean ok, String message) {
      if (!ok) {
        throw XaiCamException.usage(message);
      }
    }
  }

  /**
   * The machine and what ran on it.
   *
   * @param cores processors the JVM sees
   * @param tensorflowThreads TensorFlow's intra-op threads (0: TensorFlow's default, all cores)
   * @param tensorflowInterOpThreads TensorFlow's inter-op threads
   * @param cpu processor model, or "unknown"
   * @param avx2 whether the processor reports AVX2
   * @param java Java runtime version
   * @param maxHeapBytes the JVM's heap limit
   * @param model network name
   * @param weights the weight file, or "random (seed N)"
   * @param inputs the image files, or "random (seed N)"
   */
  public record Machine(int cores, int tensorflowThreads, int tensorflowInterOpThreads, String cpu,
      boolean avx2, String java, long maxHeapBytes, String model, String weights, String inputs) {}

  /**
   * Start-up costs, in seconds.
   *
   * @param engineLoad loading TensorFlow's native library (already extracted)
   * @param weightsLoad reading the HDF5 file, or generating random weights
   * @param weightsFromFile whether {@code weightsLoad} read a file
   * @param networkBuild copying the weights into native tensors
   * @param firstHeatmap the first Grad-CAM of one image (forward, backward, CAM; cold)
   * @param firstHeatmapSinceProcessStart process start to that heatmap, or null if unknown
   */
  public record Startup(double engineLoad, double weightsLoad, boolean weightsFromFile,
      double networkBuild, double firstHeatmap, Double firstHeatmapSinceProcessStart) {}

  /**
   * One timed case.
   *
   * @param what "forward" or a method name
   * @param batchSize images per forward pass (and masks per Score-CAM pass)
   * @param images images timed
   * @param secondsPerImage median (gradient methods, forward) or mean time per image
   * @param timesForward this case over the plain forward pass at the same batch size (for
   *     gradient methods a forward pass timed just before each repeat, so load on a shared
   *     machine cancels out); null for the forward pass itself
   * @param peakRssBytes peak resident memory of the process during the case; -1 if unknown
   */
  public record Timing(String what, int batchSize, int images, double secondsPerImage,
      Double timesForward, long peakRssBytes) {}

  /**
   * Score-CAM's exact shortcut on one image: constant channels need no forward pass.
   *
   * @param image the image's file name, or "random-K"
   * @param selectedChannels channels Score-CAM weighs
   * @param constantChannels of those, constant ones (no forward pass of their own)
   * @param forwardPasses masked inputs scored
   */
  public record ScoreCamSkips(String image, int selectedChannels, int constantChannels,
      int forwardPasses) {}

  /**
   * Memory at one moment.
   *
   * @param rssBytes resident set (native and heap); -1 if unknown
   * @param heapUsedBytes Java heap in use after a full collection
   * @param liveTensors native tensors alive
   * @param openScopes native tensor scopes open
   */
  public record MemorySample(long rssBytes, long heapUsedBytes, int liveTensors, int openScopes) {}

  /**
   * The soak: forward + backward + Grad-CAM over many images.
   *
   * @param images images run
   * @param batchSize images per pass
   * @param start memory after the first batch
   * @param end memory after the last batch
   */
  public record Soak(int images, int batchSize, MemorySample start, MemorySample end) {}

  /**
   * Everything one run measured.
   *
   * @param machine the machine and configuration
   * @param startup start-up costs
   * @param decodeSecondsPerImage decoding + preprocessing one image file (one thread); null
   *     for random inputs
   * @param forward plain forward pass per batch size
   * @param methods every method per batch size
   * @param scoreCam Score-CAM's skip counts per image (from the first Score-CAM case)
   * @param soak the memory soak, or null
   * @param peakResetWorks whether per-case peaks are per case (else process peaks so far)
   */
  public record Result(Machine machine, Startup startup, Double decodeSecondsPerImage,
      List<Timing> forward, List<Timing> methods, List<ScoreCamSkips> scoreCam, Soak soak,
      boolean peakResetWorks) {}

  /** Runs every measurement; takes minutes on VGG16 (Score-CAM dominates). */
  public Result run() {
    Instant processStart = ProcessHandle.current().info().startInstant().orElse(null);
    Architecture architecture = config.architecture();
    TargetLayer layer = TargetLayer.resolve(architecture, null);
    try {
      Network.useThreads(config.threads());
    } catch (IllegalStateException alreadyStarted) {
      progress.accept("TensorFlow already started; its thread setting stays as it was");
    }
    long t0 = System.nanoTime();
    Network.loadEngine();
    double engineLoad = seconds(t0);
    t0 = System.nanoTime();
    ModelWeights weights = config.weights() != null ? KerasWeightsFile.read(config.weights())
        : Vgg16.randomWeights(architecture, config.seed());
    double weightsLoad = seconds(t0);
    t0 = System.nanoTime();
    try (Network network = Network.create(architecture, weights)) {
      double networkBuild = seconds(t0);
      weights = null;
      // The heap copy of the weights is garbage now; collecting it before the cases makes their
      // peak resident memory what the network needs, not what loading left behind.
      ProcessMemory.heapUsedAfterGc();
      Inputs inputs = inputs(architecture);
      Timer timer = new Timer(network, layer, architecture);

      t0 = System.nanoTime();
      timer.explain(CamMethods.create("gradcam", CamOptions.defaults()), inputs.batch(0, 1), 1);
      double firstHeatmap = seconds(t0);
      Double sinceStart = processStart == null ? null
          : Duration.between(processStart, Instant.now()).toNanos() / 1e9;
      Startup startup = new Startup(engineLoad, weightsLoad, config.weights() != null,
          networkBuild, firstHeatmap, sinceStart);
      progress.accept(String.format("start-up: engine %.2f s, weights %.2f s, network %.2f s,"
          + " first heatmap %.2f s", engineLoad, weightsLoad, networkBuild, firstHeatmap));

      boolean resets = ProcessMemory.resetPeak();
      List<Timing> forward = new ArrayList<>();
      TreeSet<Integer> forwardSizes = new TreeSet<>(config.forwardBatchSizes());
      forwardSizes.addAll(config.methodBatchSizes());
      for (int b : forwardSizes) {
        float[] stacked = inputs.stacked(0, b);
        network.probabilities(stacked, b); // warm-up
        ProcessMemory.resetPeak();
        double[] times = new double[config.repeats()];
        for (int r = 0; r < times.length; r++) {
          long s = System.nanoTime();
          network.probabilities(stacked, b);
          times[r] = seconds(s) / b;
        }
        forward.add(new Timing("forward", b, b * times.length, median(times), null,
            ProcessMemory.peakResidentBytes()));
        progress.accept(String.format("forward, batch %d: %.3f s per image", b, median(times)));
      }

      List<Timing> methods = new ArrayList<>();
      List<ScoreCamSkips> skips = new ArrayList<>();
      for (String name : config.methods()) {
        for (int b : config.methodBatchSizes()) {
          methods.add(timeMethod(name, b, timer, inputs, forward, skips));
        }
      }
      Soak soak = config.soakImages() > 0 ? soak(timer, inputs) : null;
      return new Result(machine(architecture, inputs), startup, inputs.decodeSecondsPerImage(),
          forward, methods, skips, soak, resets);
    }
  }

  /** Times one method at one batch size; Score-CAM runs once on its own image count. */
  private Timing timeMethod(String name, int b, Timer timer, Inputs inputs, List<Timing> forward,
      List<ScoreCamSkips> skips) {
    List<ScoreCamStats> stats = new ArrayList<>();
    CamMethod method = CamMethods.create(name, CamOptions.defaults().withScoreCamStats(stats::add));
    double perImage;
    int images;
    Double pairedForward = null;
    if (method.needs(MethodNeed.LAYER_GRADIENTS)) {
      float[][] batch = inputs.batch(0, b);
      float[] stacked = stack(batch);
      timer.explain(method, batch, b); // warm-up
      ProcessMemory.resetPeak();
      double[] times = new double[config.repeats()];
      double[] forwardTimes = new double[config.repeats()];
      for (int r = 0; r < times.length; r++) {
        // A plain forward pass right before each timed batch: on a shared machine both then see
        // the same load, so their ratio holds even when absolute times drift.
        long f = System.nanoTime();
        timer.network().probabilities(stacked, b);
        forwardTimes[r] = seconds(f) / b;
        long s = System.nanoTime();
        timer.explain(method, batch, b);
        times[r] = seconds(s) / b;
      }
      perImage = median(times);
      pairedForward = median(forwardTimes);
      images = b * times.length;
    } else {
      // Masked passes dominate and warm themselves up; one run, no warm-up.
      images = method.name().equals(SCORE_CAM) ? config.scoreCamImages() : b;
      ProcessMemory.resetPeak();
      long s = System.nanoTime();
      for (int start = 0; start < images; start += b) {
        int n = Math.min(b, images - start);
        timer.explain(method, inputs.batch(start, n), b);
      }
      perImage = seconds(s) / images;
      if (method.name().equals(SCORE_CAM) && skips.isEmpty()) {
        for (int i = 0; i < stats.size(); i++) {
          ScoreCamStats st = stats.get(i);
          skips.add(new ScoreCamSkips(inputs.name(i), st.selectedChannels(),
              st.constantChannels(), st.forwardPasses()));
        }
      }
    }
    long peak = ProcessMemory.peakResidentBytes();
    Double ratio = pairedForward != null ? Double.valueOf(perImage / pairedForward)
        : forward.stream().filter(f -> f.batchSize() == b).findFirst()
            .map(f -> perImage / f.secondsPerImage()).orElse(null);
    progress.accept(String.format("%s, batch %d: %.3f s per image%s", method.name(), b, perImage,
        ratio == null ? "" : String.format(" (%.2fx forward)", ratio)));
    return new Timing(method.name(), b, images, perImage, ratio, peak);
  }

  /** Runs forward + backward + Grad-CAM over the soak's images, sampling memory. */
  private Soak soak(Timer timer, Inputs inputs) {
    int b = Math.min(config.soakImages(), config.methodBatchSizes().get(
        config.methodBatchSizes().size() - 1));
    CamMethod gradcam = CamMethods.create("gradcam", CamOptions.defaults());
    MemorySample start = null;
    int done = 0;
    int step = Math.max(1, config.soakImages() / 10);
    int nextReport = step;
    while (done < config.soakImages()) {
      int n = Math.min(b, config.soakImages() - done);
      timer.explain(gradcam, inputs.batch(done, n), b);
      done += n;
      if (start == null) {
        start = memory();
      }
      if (done >= nextReport) {
        progress.accept(String.format("soak: %d/%d images, RSS %d MB", done, config.soakImages(),
            ProcessMemory.residentBytes() >> 20));
        nextReport += step;
      }
    }
    return new Soak(done, b, start, memory());
  }

  /** Memory now, heap measured after a full collection. */
  private static MemorySample memory() {
    long heap = ProcessMemory.heapUsedAfterGc();
    return new MemorySample(ProcessMemory.residentBytes(), heap, Network.liveTensorCount(),
        Network.openScopeCount());
  }

  /** The machine facts. */
  private Machine machine(Architecture architecture, Inputs inputs) {
    String cpuinfo = readOrNull(Path.of("/proc/cpuinfo"));
    String random = "random (seed " + config.seed() + ")";
    return new Machine(Runtime.getRuntime().availableProcessors(), Network.intraOpThreads(),
        Network.interOpThreads(), cpuModel(cpuinfo), hasCpuFlag(cpuinfo, "avx2"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory(),
        architecture.name(), config.weights() == null ? random : config.weights().toString(),
        config.images().isEmpty() ? random : String.join(", ",
            config.images().stream().map(p -> p.getFileName().toString()).toList()));
  }

  /** The network inputs: decoded image files, or seeded random images. */
  private Inputs inputs(Architecture architecture) {
    int size = architecture.inputSize();
    List<float[]> tensors = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Double decode = null;
    if (config.images().isEmpty()) {
      SplittableRandom random = new SplittableRandom(config.seed());
      for (int k = 0; k < 4; k++) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
          x[i] = (float) random.nextDouble(-120, 150); // the range of caffe-preprocessed pixels
        }
        tensors.add(x);
        names.add("random-" + k);
      }
    } else {
      ImageDecoder decoder = new ImageDecoder();
      long t0 = System.nanoTime();
      for (Path file : config.images()) {
        DecodedImage image = decoder.decode(file);
        tensors.add(config.preprocessing().toModelInput(image, architecture.inputHeight(),
            architecture.inputWidth()));
        names.add(file.getFileName().toString());
      }
      decode = seconds(t0) / config.images().size();
    }
    return new Inputs(tensors, names, decode);
  }

  /**
   * Network inputs, cycled to fill any batch.
   *
   * @param tensors preprocessed images
   * @param names their names
   * @param decodeSecondsPerImage decode + preprocess time per file, null for random inputs
   */
  private record Inputs(List<float[]> tensors, List<String> names, Double decodeSecondsPerImage) {
    /** Images {@code start .. start+n-1}, cycling. */
    float[][] batch(int start, int n) {
      float[][] out = new float[n][];
      for (int i = 0; i < n; i++) {
        out[i] = tensors.get((start + i) % tensors.size());
      }
      return out;
    }

    /** The same images stacked NHWC. */
    float[] stacked(int start, int n) {
      return stack(batch(start, n));
    }

    /** Name of image {@code i}, cycling. */
    String name(int i) {
      return names.get(i % names.size());
    }
  }

  /** Runs one method over one batch as {@link Explainer} does, writing nothing. */
  private record Timer(Network network, TargetLayer layer, Architecture architecture) {
    /**
     * One forward pass for the batch, one backward pass if the method needs gradients, then the
     * heatmap of each image's top class; Score-CAM's masks go {@code maskBatch} at a time.
     */
    void explain(CamMethod method, float[][] images, int maskBatch) {
      int n = images.length;
      int height = architecture.inputHeight();
      int width = architecture.inputWidth();
      try (ForwardPass pass = network.forward(stack(images), n, layer.position())) {
        float[][] probabilities = pass.probabilities();
        int[] targets = new int[n];
        for (int k = 0; k < n; k++) {
          targets[k] = argmax(probabilities[k]);
        }
        if (method.needs(MethodNeed.LAYER_GRADIENTS)) {
          for (LayerSignal signal : pass.signals(targets)) {
            CamComputation.compute(method, CamInputs.of(signal), height, width);
          }
        } else {
          for (int k = 0; k < n; k++) {
            CamComputation.compute(method, CamInputs.of(pass.activations(k, targets[k]))
                .withMaskScorer(network.maskScorer(images[k], targets[k], maskBatch)), height, width);
          }
        }
      }
    }
  }

  /** Row-major concatenation of equally long images. */
  private static float[] stack(float[][] images) {
    int size = images[0].length;
    float[] out = new float[images.length * size];
    for (int i = 0; i < images.length; i++) {
      System.arraycopy(images[i], 0, out, i * size, size);
    }
    return out;
  }

  /** Index of the largest value, the lowest on ties. */
  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The median of the values (mean of the middle two for an even count). */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The first "model name" of a {@code /proc/cpuinfo} text, or "unknown". */
  static String cpuModel(String cpuinfo) {
    if (cpuinfo != null) {
      for (String line : cpuinfo.split("\n")) {
        if (line.startsWith("model name")) {
          int colon = line.indexOf(':');
          if (colon >= 0) {
            return line.substring(colon + 1).trim();
          }
        }
      }
    }
    return "unknown";
  }

  /** Whether the first "flags" line of a {@code /proc/cpuinfo} text lists {@code flag}. */
  static boolean hasCpuFlag(String cpuinfo, String flag) {
    if (cpuinfo != null) {
      for (String line : cpuinfo.split("\n")) {
        if (line.startsWith("flags")) {
          return Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
              .contains(flag);
        }
      }
    }
    return false;
  }

  /** Seconds since {@code startNanos}. */
  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** A small text file's contents, or null if it cannot be read. */
  private static String readOrNull(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
