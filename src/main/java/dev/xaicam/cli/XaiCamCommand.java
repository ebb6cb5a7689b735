package dev.xaicam.cli;

import dev.xaicam.Terminal;
import dev.xaicam.XaiCamException;
import dev.xaicam.pipeline.ExplainSettings;
import dev.xaicam.pipeline.Explainer;
import dev.xaicam.model.Network;
import dev.xaicam.pipeline.AtomicFiles;
import dev.xaicam.pipeline.BatchRun;
import dev.xaicam.pipeline.ImageInput;
import dev.xaicam.pipeline.InputCollection;
import dev.xaicam.pipeline.ImageReport;
import dev.xaicam.pipeline.JsonReport;
import dev.xaicam.pipeline.ModelCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xai-cam [OPTIONS] IMAGE...}: writes class-activation heatmap overlays for images. */
@Command(
    name = "xai-cam",
    mixinStandardHelpOptions = true,
    versionProvider = VersionText.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    subcommands = {ModelsCommand.class, BenchCommand.class},
    description = {
      "Shows where an image classifier looked: class-activation heatmaps (Grad-CAM, Grad-CAM++, "
          + "Score-CAM, Faster-Score-CAM, Layer-CAM) written as JET-colour overlays, .npy arrays and reports.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  xai-cam dog.jpg                      # Grad-CAM of the top class: xai-cam-out/dog.gradcam.png",
      "  xai-cam -m gradcam++,scorecam --npy -o out a.jpg b.png",
      "  xai-cam -c \"golden retriever\" -l block4_conv3 dog.jpg",
      "  xai-cam --top-k 3 --montage figure.png cat.png",
      "  xai-cam -r --skip-existing --report run.jsonl -o out photos/   # a folder tree, resumable",
      "  find . -name '*.jpg' | xai-cam --json -                         # paths from a pipe",
      "  xai-cam --weights vgg16.h5 --offline dog.jpg",
      "",
      "Exit codes: 0 all images explained, 1 some input failed, 2 usage error,",
      "3 cannot run here (weights or native libraries), 130 interrupted."
    })
public final class XaiCamCommand implements Callable<Integer> {
  /** Injected by picocli: this command's model, for its writers. */
  @Spec CommandSpec spec;

  /** The models this command can name. */
  final ModelCatalog catalog;

  /** A command over the built-in models. */
  public XaiCamCommand() {
    this(ModelCatalog.builtIn());
  }

  /** A command over {@code catalog} (tests add small models). */
  public XaiCamCommand(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  /** Images, folders, or "-" for a list on standard input. */
  @Parameters(paramLabel = "IMAGE", arity = "0..*",
      description = "Image files (JPEG, PNG, BMP, TIFF, WebP, ...) or folders; '-' reads paths from standard input.")
  List<Path> images = new ArrayList<>();

  /** CAM methods to run, as typed. */
  @Option(names = {"-m", "--method"}, split = ",", paramLabel = "METHOD",
      description = "CAM method(s), comma-separated: gradcam (default), gradcam++, scorecam, "
          + "faster-scorecam, layercam.")
  List<String> methods = new ArrayList<>(List.of("gradcam"));

  /** Target layer name or index; null for the last convolution. */
  @Option(names = {"-l", "--layer"}, paramLabel = "NAME|INDEX",
      description = "Target layer (default: the last convolutional layer, block5_conv3 for VGG16). "
          + "A non-convolutional layer or an index seeks back to the nearest convolution.")
  String layer;

  /** Target classes as typed; empty for the top prediction(s). */
  @Option(names = {"-c", "--class"}, split = ",", paramLabel = "CLASS",
      description = "Target class: index or name (\"golden retriever\"); repeat or comma-separate "
          + "for several. Default: the top prediction.")
  List<String> classes = new ArrayList<>();

  /** How many top classes to explain. */
  @Option(names = "--top-k", paramLabel = "K", defaultValue = "1",
      description = "Explain each of the top K predicted classes (default: ${DEFAULT-VALUE}).")
  int topK;

  /** Output folder. */
  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "xai-cam-out",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path output;

  /** Overlay opacity. */
  @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.5",
      description = "Overlay opacity of the heatmap, 0..1 (default: ${DEFAULT-VALUE}).")
  double alpha;

  /** Whether to also write .npy heatmaps. */
  @Option(names = "--npy", description = "Also write each normalised heatmap as <stem>.<method>.npy.")
  boolean npy;

  /** Whether standard output carries JSON instead of text. */
  @Option(names = "--json", description = "Print a JSON report on standard output instead of text lines.")
  boolean json;

  /** Montage picture to write, or null. */
  @Option(names = "--montage", paramLabel = "FILE",
      description = "Also write one picture: a row per image, the original then one overlay per method.")
  Path montage;

  /** Model name from the catalog. */
  @Option(names = "--model", paramLabel = "NAME", defaultValue = "vgg16",
      description = "Model to explain (default: ${DEFAULT-VALUE}); 'xai-cam models' lists them.")
  String model;

  /** Explicit weight file, or null. */
  @Option(names = "--weights", paramLabel = "FILE",
      description = "Keras HDF5 weight file to use instead of the cached/downloaded one.")
  Path weights;

  /** Whether downloads are forbidden. */
  @Option(names = "--offline", description = "Never download weights; fail with instructions instead.")
  boolean offline;

  /** Images per forward pass. */
  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
      description = "Images per forward pass, and masked inputs per Score-CAM pass (default: ${DEFAULT-VALUE}).")
  int batchSize;

  /** Faster-Score-CAM's channel count. */
  @Option(names = "--max-n", paramLabel = "N", defaultValue = "10",
      description = "Channels Faster-Score-CAM evaluates (default: ${DEFAULT-VALUE}).")
  int maxN;

  /** Largest declared image size decoded. */
  @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "100000000",
      description = "Refuse images whose declared size exceeds N pixels (default: ${DEFAULT-VALUE}).")
  long maxPixels;

  /** Whether folder walks descend. */
  @Option(names = {"-r", "--recursive"}, description = "Descend into sub-folders of folder arguments.")
  boolean recursive;

  /** Globs a walked file must match. */
  @Option(names = "--include", paramLabel = "GLOB",
      description = "In folders, take only files matching GLOB (e.g. '*.jpg', 'cats/**'); repeatable.")
  List<String> includes = new ArrayList<>();

  /** Globs that drop a walked file. */
  @Option(names = "--exclude", paramLabel = "GLOB", description = "In folders, leave out files matching GLOB; repeatable.")
  List<String> excludes = new ArrayList<>();

  /** A file listing image paths, or null. */
  @Option(names = "--from-file", paramLabel = "LIST", description = "Read image paths, one per line, from LIST.")
  Path fromFile;

  /** JSON Lines report file, or null. */
  @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON Lines report to FILE.")
  Path report;

  /** Whether images with all outputs present are skipped. */
  @Option(names = "--skip-existing", description = "Skip images whose outputs all exist (resume an interrupted run).")
  boolean skipExisting;

  /** Whether the first failure stops the run. */
  @Option(names = "--fail-fast", description = "Stop at the first image that fails.")
  boolean failFast;

  /** TensorFlow threads; null for all cores. */
  @Option(names = "--threads", paramLabel = "N",
      description = "TensorFlow threads (default: all cores).")
  Integer threads;

  /** Whether progress and per-image lines are silenced. */
  @Option(names = {"-q", "--quiet"}, description = "No progress and no per-image lines; errors still print.")
  boolean quiet;

  /** Whether the network computes in float64. */
  @Option(names = "--float64",
      description = "Run the network in float64 (2-4x slower): maps free of float32 round-off, for "
          + "reference-grade comparisons.")
  boolean float64;

  /** Whether errors print stack traces. */
  @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
  boolean verbose;

  /** The configured command line over the built-in models. */
  public static CommandLine commandLine() {
    return commandLine(ModelCatalog.builtIn());
  }

  /** The configured command line: one failure handler, writers the tests can capture. */
  public static CommandLine commandLine(ModelCatalog catalog) {
    FailureHandler handler = new FailureHandler();
    return new CommandLine(new XaiCamCommand(catalog))
        .setExecutionExceptionHandler(handler)
        .setParameterExceptionHandler(handler)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** Explains every image, printing one line (or JSON object) per image. */
  @Override
  public Integer call() throws Exception {
    ExplainSettings settings = settings();
    InputCollection.Result collected = collectInputs();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    collected.warnings().forEach(w -> err.println("xai-cam: " + w));
    List<ImageInput> inputs = collected.images();
    if (inputs.isEmpty()) {
      throw XaiCamException.usage("no images found in the arguments given (" + collected.skippedNotImages()
          + " non-image files and " + collected.skippedHidden() + " hidden files skipped)");
    }
    if (threads != null) {
      check(threads >= 1, "--threads must be >= 1, got " + threads);
      Network.useThreads(threads);
    }
    AtomicFiles.removeStaleTemporaries(output);
    boolean batchMode = inputs.size() > 1;
    StringBuilder reportLines = new StringBuilder();
    BatchRun.Listener printer = report -> {
      String jsonLine = json || this.report != null ? JsonReport.line(report) : null;
      if (this.report != null) {
        reportLines.append(jsonLine).append('\n');
      }
      if (report.status() == ImageReport.Status.ERROR) {
        err.println("xai-cam: " + report.error());
        err.flush();
      }
      if (json) {
        out.println(jsonLine);
      } else if (!quiet && report.status() != ImageReport.Status.ERROR) {
        out.println(HumanReport.line(report));
      }
      out.flush();
    };
    CountDownLatch done = new CountDownLatch(1);
    BatchRun.Summary summary;
    try (Explainer explainer = Explainer.open(settings, catalog);
        ProgressReport progress = new ProgressReport(progressMode(batchMode), inputs.size(), System.err, printer)) {
      BatchRun run = new BatchRun(explainer, inputs,
          new BatchRun.Options(batchSize, skipExisting, failFast, decodeThreads()), progress);
      Thread stopper = new Thread(() -> {
        run.requestStop();
        try {
          done.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "xai-cam-stop");
      Runtime.getRuntime().addShutdownHook(stopper);
      try {
        summary = run.run();
        explainer.writeMontage();
        String summaryLine = JsonReport.summary(summary.ok(), summary.skipped(), summary.failed(), summary.millis());
        if (json && batchMode) {
          out.println(summaryLine);
          out.flush();
        }
        if (this.report != null) {
          AtomicFiles.write(this.report, reportLines.append(summaryLine).append('\n').toString()
              .getBytes(StandardCharsets.UTF_8));
        }
      } finally {
        done.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
          // The JVM is already exiting (Ctrl-C): the hook is running and will see 'done'.
        }
      }
    }
    if (batchMode && !json && !quiet) {
      err.printf("xai-cam: %d explained, %d skipped, %d failed in %.1f s%s%n", summary.ok(), summary.skipped(),
          summary.failed(), summary.millis() / 1000.0, summary.stoppedAtFailure() ? " (stopped: --fail-fast)" : "");
      err.flush();
    }
    if (summary.interrupted()) {
      return XaiCamException.EXIT_INTERRUPTED;
    }
    return summary.failed() > 0 ? XaiCamException.EXIT_INPUT : XaiCamException.EXIT_OK;
  }

  private InputCollection.Result collectInputs() throws IOException {
    InputCollection collection = new InputCollection(output, recursive, includes, excludes);
    for (Path image : images) {
      if (image.toString().equals("-")) {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        collection.addLines(stdin, "standard input");
      } else {
        collection.add(image);
      }
    }
    if (fromFile != null) {
      if (!Files.isRegularFile(fromFile)) {
        throw XaiCamException.usage("--from-file " + fromFile + ": no such file");
      }
      try (BufferedReader list = Files.newBufferedReader(fromFile, StandardCharsets.UTF_8)) {
        collection.addLines(list, fromFile.toString());
      }
    }
    if (images.isEmpty() && fromFile == null) {
      throw XaiCamException.usage("no images given; try 'xai-cam --help'");
    }
    return collection.result();
  }

  private ProgressReport.Mode progressMode(boolean batchMode) {
    if (quiet || !batchMode) {
      return ProgressReport.Mode.NONE;
    }
    return Terminal.stderrIsTerminal() ? ProgressReport.Mode.BAR : ProgressReport.Mode.LOG;
  }

  private static int decodeThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  private ExplainSettings settings() {
    check(topK >= 1, "--top-k must be >= 1, got " + topK);
    check(alpha >= 0 && alpha <= 1, "--alpha must be between 0 and 1, got " + alpha);
    check(batchSize >= 1, "--batch-size must be >= 1, got " + batchSize);
    check(maxPixels >= 1, "--max-pixels must be >= 1, got " + maxPixels);
    check(classes.isEmpty() || topK == 1, "give either --class or --top-k, not both");
    check(!Files.exists(output) || Files.isDirectory(output),
        "--output " + output + " is a file; give a folder (it is created if missing)");
    return new ExplainSettings(model, weights, offline, methods, layer, classes, topK, output, alpha,
        npy, batchSize, maxN, maxPixels, montage, float64);
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw XaiCamException.usage(message);
    }
  }
}
