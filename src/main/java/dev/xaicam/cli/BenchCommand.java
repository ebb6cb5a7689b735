package dev.xaicam.cli;

import dev.xaicam.bench.BenchSettings;
import dev.xaicam.bench.Benchmark;
import dev.xaicam.bench.BenchmarkReport;
import dev.xaicam.bench.BenchmarkResult;
import dev.xaicam.explain.ExplainSettings;
import dev.xaicam.models.DownloadListener;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.ToolHome;
import dev.xaicam.FileTrees;
import dev.xaicam.XaiCamException;
import dev.xaicam.bench.OneShotPlan;
import dev.xaicam.bench.OneShotRuns;
import dev.xaicam.bench.OneShotTiming;
import dev.xaicam.engine.TensorRuntime;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xai-cam bench}: times start-up, forward passes and every CAM method on a model here. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Time a model (VGG16 unless --model) on this machine: start-up, a plain forward pass per image at each batch "
        + "size, every CAM method per image (with peak resident memory), Score-CAM's skipped channels, "
        + "and optionally a memory soak. Needs no weight file (seeded random weights) and writes "
        + "nothing; takes several minutes (Score-CAM evaluates every channel).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  xai-cam bench                                 # random weights and inputs",
      "  xai-cam bench --weights vgg16.h5 samples/*.png # real weights and photos",
      "  xai-cam bench --model resnet50 -m gradcam      # another catalogue model",
      "  xai-cam bench -m gradcam --batch-sizes 1 --soak 1000 --json"
    })
final class BenchCommand implements Callable<Integer> {
  /** Injected by picocli: the command's writers. */
  @Spec CommandSpec spec;

  /** Options shared with the explain command: --weights, --threads, --json. */
  @Mixin SharedOptions shared = new SharedOptions();

  /** Injected by picocli when run under {@code xai-cam}: its model catalogue. */
  @ParentCommand XaiCamCommand parent;

  /** The catalogue model to time. */
  @Option(names = "--model", paramLabel = "NAME", defaultValue = ExplainSettings.DEFAULT_MODEL,
      description = "Model to time (default: ${DEFAULT-VALUE}); 'xai-cam models' lists them.")
  String model;

  /** Photos to feed, cycled to fill batches. */
  @Parameters(paramLabel = "IMAGE", arity = "0..*",
      description = "Images to feed (cycled); default: seeded random inputs.")
  List<Path> images = new ArrayList<>();

  /** Forward-pass batch sizes. */
  @Option(names = "--batch-sizes", split = ",", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_BATCH_SIZES,
      description = "Batch sizes of the plain forward pass (default: ${DEFAULT-VALUE}).")
  List<Integer> batchSizes;

  /** Method batch sizes. */
  @Option(names = "--method-batch-sizes", split = ",", paramLabel = "N",
      defaultValue = BenchSettings.DEFAULT_METHOD_BATCH_SIZES,
      description = "Batch sizes of the CAM methods, also masks per Score-CAM pass (default: ${DEFAULT-VALUE}).")
  List<Integer> methodBatchSizes;

  /** Methods to time. */
  @Option(names = {"-m", "--method"}, split = ",", paramLabel = "METHOD", defaultValue = BenchSettings.DEFAULT_METHODS,
      description = "Methods to time (default: all: ${DEFAULT-VALUE}).")
  List<String> methods;

  /** Timed batches per case. */
  @Option(names = "--repeats", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_REPEATS_TEXT,
      description = "Timed batches per case after a warm-up; the median is reported (default: ${DEFAULT-VALUE}).")
  int repeats;

  /** Score-CAM's image count. */
  @Option(names = "--scorecam-images", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_SCORECAM_IMAGES_TEXT,
      description = "Images Score-CAM explains per batch size (default: ${DEFAULT-VALUE}).")
  int scoreCamImages;

  /** Soak length. */
  @Option(names = "--soak", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_SOAK_TEXT,
      description = "Afterwards run forward + backward + Grad-CAM on N images, reporting memory at start and end.")
  int soak;

  /** Seed of random weights and inputs. */
  @Option(names = "--seed", paramLabel = "N", defaultValue = BenchSettings.DEFAULT_SEED_TEXT,
      description = "Seed of the random weights and inputs (default: ${DEFAULT-VALUE}).")
  long seed;

  /** One-shot runs per case. */
  @Option(names = "--startup-runs", paramLabel = "N", defaultValue = "3",
      description = "First time the real command in fresh processes, N runs per case, warm and "
          + "cold (page cache dropped): --help, the demo model, and this model when --weights is "
          + "given; 0 skips it (default: ${DEFAULT-VALUE}).")
  int startupRuns;

  /** Checks the options (usage errors before anything loads), runs, prints. */
  @Override
  public Integer call() throws IOException {
    BenchSettings settings = settings();
    if (startupRuns < 0) {
      throw XaiCamException.usage("--startup-runs must be >= 0, got " + startupRuns);
    }
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> progress = line -> {
      err.println("bench: " + line);
      err.flush();
    };
    // Before this process loads a network: the children then have the machine's memory to
    // themselves.
    List<OneShotTiming> oneShot = startupRuns == 0 ? List.of() : oneShotRuns(settings, progress);
    BenchmarkResult result = new Benchmark(settings, progress).run().withOneShot(oneShot);
    PrintWriter out = spec.commandLine().getOut();
    out.print(shared.json ? BenchmarkReport.json(result) + System.lineSeparator() : BenchmarkReport.text(result));
    out.flush();
    return 0;
  }

  /**
   * Times {@code xai-cam --help}, the demo model and, with {@code --weights}, this model on one
   * image, each in fresh child processes started as this one was (same JVM options, class path).
   */
  private List<OneShotTiming> oneShotRuns(BenchSettings settings, Consumer<String> progress)
      throws IOException {
    Path scratch = Files.createTempDirectory("xai-cam-bench");
    try {
      OneShotRuns runs = new OneShotRuns(oneShotPlan(startupRuns), scratch, progress);
      Path image = settings.images().isEmpty() ? noiseImage(scratch) : settings.images().get(0);
      String out = scratch.resolve("out").toString();
      List<OneShotTiming> timings = new ArrayList<>();
      timings.add(runs.warm("xai-cam --help", List.of("--help")));
      List<String> demo = List.of("--model", "demo", "-q", "-o", out, image.toString());
      timings.add(runs.warm("demo model, one image", demo));
      addIfMeasured(timings, runs.cold("demo model, one image", demo, List.of()));
      if (settings.weights() != null) {
        String what = model + ", one image";
        List<String> args = List.of("--model", model, "--weights", settings.weights().toString(),
            "-q", "-o", out, image.toString());
        timings.add(runs.warm(what, args));
        addIfMeasured(timings, runs.cold(what, args, weightFiles(settings.weights())));
      }
      return timings;
    } finally {
      FileTrees.deleteQuietly(scratch);
    }
  }

  private static void addIfMeasured(List<OneShotTiming> timings, OneShotTiming timing) {
    if (timing != null) {
      timings.add(timing);
    }
  }

  /**
   * This JVM's command line (java, its options, class path, {@link Main}) and what a cold start
   * reads from disk: the class path with the jar's {@code lib/}, the class-data archive, the
   * native libraries of TensorFlow and OpenCV.
   */
  private static OneShotPlan oneShotPlan(int runs) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<Path> cold = new ArrayList<>();
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("-XX:ArchiveClassesAtExit") || option.startsWith("-agentlib")
          || option.startsWith("-javaagent")) {
        continue;
      }
      command.add(option);
      if (option.startsWith("-XX:SharedArchiveFile=")) {
        cold.add(Path.of(option.substring(option.indexOf('=') + 1)));
      }
    }
    String classPath = System.getProperty("java.class.path");
    command.addAll(List.of("-cp", classPath, Main.class.getName()));
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      cold.add(path);
      if (entry.endsWith(".jar") && path.getParent() != null) {
        cold.add(path.getParent().resolve("lib"));
      }
    }
    cold.add(TensorRuntime.nativeLibraryFolder());
    cold.add(ToolHome.current().resolve("natives"));
    return new OneShotPlan(command, Map.of("XAI_CAM_STDERR_TTY", "0", "TF_CPP_MIN_LOG_LEVEL", "3"),
        runs, cold);
  }

  /** A weight file and its converted copies in the tool's cache ({@code <name>.<hash>.f32}). */
  private static List<Path> weightFiles(Path weights) throws IOException {
    List<Path> files = new ArrayList<>(List.of(weights));
    Path cache = ToolHome.current().resolve("models");
    if (Files.isDirectory(cache)) {
      String prefix = weights.getFileName() + ".";
      try (Stream<Path> cached = Files.list(cache)) {
        cached.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(files::add);
      }
    }
    return files;
  }

  /** A 320x240 picture of seeded noise, for one-shot runs when no image was given. */
  private Path noiseImage(Path scratch) throws IOException {
    BufferedImage picture = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
    java.util.Random random = new java.util.Random(seed);
    for (int y = 0; y < picture.getHeight(); y++) {
      for (int x = 0; x < picture.getWidth(); x++) {
        picture.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    Path file = scratch.resolve("noise.png");
    ImageIO.write(picture, "png", file.toFile());
    return file;
  }

  /** The parent command's catalogue, or the built-in one when the command runs on its own. */
  private ModelCatalog catalog() {
    return parent != null ? parent.catalog() : ModelCatalog.builtIn(DownloadListener.SILENT);
  }

  /** The checked settings; every range check is the builder's. */
  BenchSettings settings() {
    ModelCatalog.Entry entry = catalog().find(model);
    return BenchSettings.builder().architecture(entry.spec()).preprocessing(entry.preprocessing())
        .weights(shared.weights).seed(seed).images(images)
        .forwardBatchSizes(batchSizes).methodBatchSizes(methodBatchSizes).methods(methods).repeats(repeats)
        .scoreCamImages(scoreCamImages).threads(shared.threads).soakImages(soak).build();
  }
}
