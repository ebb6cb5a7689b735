package dev.xaicam.cli;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.NetworkLoader;
import dev.xaicam.explain.BatchRun;
import dev.xaicam.explain.ComparisonPlan;
import dev.xaicam.explain.ExplainSettings;
import dev.xaicam.explain.Explainer;
import dev.xaicam.explain.ImageInput;
import dev.xaicam.explain.InputCollection;
import dev.xaicam.explain.ModelComparison;
import dev.xaicam.explain.PendingWork;
import dev.xaicam.explain.RunPlan;
import dev.xaicam.output.ImageReport;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.output.AtomicFile;
import dev.xaicam.TemporaryFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import dev.xaicam.image.Colormap;
import dev.xaicam.image.ImageDecoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai-cam [OPTIONS] IMAGE...}: writes class-activation heatmap overlays for images.
 *
 * <p>Why it is not split further (it is over 300 lines): most of it is the explain command's
 * option declarations (picocli annotations with their help text), which picocli wants on one
 * command class; the rest is the order of work of a run and of a {@code --compare-models} run,
 * which read those same fields. The logic lives in {@code explain}, shared options are mixins, and
 * assembling the command tree (subcommands, handlers, help settings) is {@link CommandTree}'s.
 */
@Command(
    name = "xai-cam",
    mixinStandardHelpOptions = true,
    versionProvider = VersionText.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Shows where an image classifier looked: class-activation heatmaps (the methods below) "
          + "written as colour overlays, .npy arrays and reports.",
      ""
    },
    footerHeading = "%nExamples:%n",
    // Each example fits 80 columns: a long one continues on an indented line, as a shell would.
    footer = {
      "  xai-cam dog.jpg                   # top class: xai-cam-out/dog.gradcam.png",
      "  xai-cam -m gradcam++,scorecam --npy -o out a.jpg b.png",
      "  xai-cam -c \"golden retriever\" -l block4_conv3 dog.jpg",
      "  xai-cam --top-k 3 --montage figure.png --colormap viridis cat.png",
      "  xai-cam -r --skip-existing --report run.jsonl --html out/index.html \\",
      "      -o out photos/                               # a folder tree, resumable",
      "  find . -name '*.jpg' | xai-cam --json -          # paths from a pipe",
      "  xai-cam --weights vgg16.h5 --offline dog.jpg",
      "  xai-cam --model my_model.h5 --preprocess scale --labels labels.txt cat.jpg",
      "  xai-cam layers --model my_model.keras   # layers, shapes, default target",
      "  xai-cam --compare-models resnet50,mobilenetv2 --montage cmp.png a.jpg b.jpg",
      "",
      "Environment:",
      "  XAI_CAM_HOME   where downloaded and converted weights (also those of large",
      "                 model files of your own), the unpacked OpenCV and JNA",
      "                 libraries and printed help texts are kept (default ~/.xai-cam);",
      "                 'xai-cam models' shows which weight files are there.",
      "",
      "Exit codes: 0 all images explained, 1 some input failed, 2 usage error,",
      "3 cannot run here (weights or native libraries), 130 interrupted."
    })
public final class XaiCamCommand implements Callable<Integer> {
  /** The output folder unless {@code --output} says otherwise. */
  static final String DEFAULT_OUTPUT = "xai-cam-out";

  /** Injected by picocli: this command's model, for its writers. */
  @Spec CommandSpec spec;

  /** Makes the models this command can name, when a run first needs them ({@code --help} never does). */
  private final Supplier<ModelCatalog> catalogSource;
  /** The models, once made. */
  private ModelCatalog catalog;

  /** A command over the built-in models. */
  public XaiCamCommand() {
    this(() -> ModelCatalog.builtIn(DownloadProgress.onStderr()));
  }

  /** A command over {@code catalog} (tests add small models). */
  public XaiCamCommand(ModelCatalog catalog) {
    this(() -> catalog);
  }

  /** A command over the catalogue {@code catalogSource} makes on first use. */
  private XaiCamCommand(Supplier<ModelCatalog> catalogSource) {
    this.catalogSource = catalogSource;
  }

  /** The models this command can name. */
  ModelCatalog catalog() {
    if (catalog == null) {
      catalog = catalogSource.get();
    }
    return catalog;
  }

  /** Options shared with {@code bench}: --weights, --threads, --json. */
  @Mixin SharedOptions shared = new SharedOptions();

  /** Image arguments, folder walks and path lists. */
  @Mixin InputOptions inputs = new InputOptions();

  /** CAM methods to run, as typed. */
  @Option(names = {"-m", "--method"}, split = ",", paramLabel = "METHOD", defaultValue = ExplainSettings.DEFAULT_METHOD,
      description = "CAM method(s), comma-separated (default: ${DEFAULT-VALUE}); the list is under"
          + " Methods below.")
  List<String> methods;

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
  @Option(names = "--top-k", paramLabel = "K", defaultValue = ExplainSettings.DEFAULT_TOP_K_TEXT,
      description = "Explain each of the top K predicted classes, 1 to the model's class count "
          + "(default: ${DEFAULT-VALUE}).")
  int topK;

  /** Output folder. */
  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = DEFAULT_OUTPUT,
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path output;

  /** Overlay opacity. */
  @Option(names = "--alpha", paramLabel = "A", defaultValue = ExplainSettings.DEFAULT_ALPHA_TEXT,
      description = "Overlay opacity of the heatmap, 0..1 (default: ${DEFAULT-VALUE}).")
  double alpha;

  /** Whether to also write .npy heatmaps. */
  @Option(names = "--npy", description = "Also write each normalised heatmap as <stem>.<method>.npy.")
  boolean npy;

  /** Whether the raw maps are written too. */
  @Option(names = "--raw",
      description = "Also write each method's map at layer resolution before ReLU and normalisation as "
          + "<stem>.<method>.raw.npy (float64), to compare magnitudes across images.")
  boolean raw;

  /** The overlays' colour map. */
  @Option(names = "--colormap", paramLabel = "NAME", defaultValue = ExplainSettings.DEFAULT_COLORMAP,
      converter = ColormapNames.class, completionCandidates = ColormapNames.class,
      description = "Colour map of overlays, montage and gallery: ${COMPLETION-CANDIDATES} (default: "
          + "${DEFAULT-VALUE}).")
  Colormap colormap;

  /** Gallery page to write, or null. */
  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write a self-contained HTML gallery: a row per image with its thumbnail, classes, "
          + "and one overlay per method linking to the files.")
  Path html;

  /** Montage picture to write, or null. */
  @Option(names = "--montage", paramLabel = "FILE",
      description = "Also write one picture: a row per image, the original then one overlay per method.")
  Path montage;

  /** Which model, at what input size. */
  @Mixin ModelOptions modelOptions = new ModelOptions();

  /** Models compared in the montage, as typed; null for an ordinary run. */
  @Option(names = "--compare-models", split = ",", paramLabel = "MODEL[=WEIGHTS]",
      description = "Compare models in one --montage instead: a row per image, a column per model (a "
          + "name, a Keras model file, or NAME=WEIGHTS.h5), one method; a row explains one class, "
          + "--class or else the first model's top prediction. Writes only the montage; models load "
          + "one at a time.")
  List<String> compareModels;

  /** How images reach the model; class names. */
  @Mixin ModelInputOptions inputOptions = new ModelInputOptions();

  /** Whether downloads are forbidden. */
  @Option(names = "--offline", description = "Never download weights; fail with instructions instead.")
  boolean offline;

  /** Images per forward pass. */
  @Option(names = "--batch-size", paramLabel = "N", defaultValue = ExplainSettings.DEFAULT_BATCH_SIZE_TEXT,
      description = "Images per forward pass, and masked inputs per Score-CAM pass, 1.."
          + ExplainSettings.MAX_BATCH_SIZE + " (default: ${DEFAULT-VALUE}).")
  int batchSize;

  /** Faster-Score-CAM's channel count. */
  @Option(names = "--max-n", paramLabel = "N",
      description = "Channels Faster-Score-CAM evaluates, 1 to the target layer's channels (default: "
          + ExplainSettings.DEFAULT_MAX_N_TEXT + "); only with -m faster-scorecam.")
  Integer maxN;

  /** SmoothGrad's noisy copies. */
  @Option(names = "--smooth-samples", paramLabel = "N",
      defaultValue = ExplainSettings.DEFAULT_SMOOTH_SAMPLES_TEXT,
      description = "Noisy copies SmoothGrad averages, 1.." + ExplainSettings.MAX_SMOOTH_SAMPLES
          + " (default: ${DEFAULT-VALUE}); each costs a forward and a backward pass.")
  int smoothSamples;

  /** SmoothGrad's noise level. */
  @Option(names = "--smooth-noise", paramLabel = "F",
      defaultValue = ExplainSettings.DEFAULT_SMOOTH_NOISE_TEXT,
      description = "SmoothGrad's noise standard deviation as a fraction of the input's range"
          + " (default: ${DEFAULT-VALUE}).")
  double smoothNoise;

  /** SmoothGrad's seed. */
  @Option(names = "--seed", paramLabel = "S", defaultValue = ExplainSettings.DEFAULT_SEED_TEXT,
      description = "Seed of SmoothGrad's noise, so runs repeat (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Largest declared image size decoded. */
  @Option(names = "--max-pixels", paramLabel = "N", defaultValue = ExplainSettings.DEFAULT_MAX_PIXELS_TEXT,
      description = "Refuse images whose declared size exceeds N pixels, 1.." + ExplainSettings.MAX_MAX_PIXELS
          + " (default: ${DEFAULT-VALUE}).")
  long maxPixels;

  /** JSON Lines report file, or null. */
  @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON Lines report to FILE.")
  Path report;

  /** Whether images with all outputs present are skipped. */
  @Option(names = "--skip-existing", description = "Skip images whose outputs all exist (resume an interrupted run).")
  boolean skipExisting;

  /** Whether the first failure stops the run. */
  @Option(names = "--fail-fast", description = "Stop at the first image that fails.")
  boolean failFast;

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

  /** Explains every image, printing one line (or JSON object) per image. */
  @Override
  public Integer call() throws Exception {
    if (compareModels != null) {
      return compare();
    }
    ExplainSettings settings = settings().build();
    // Every place the run writes is checked before the first image, so no work is lost at the end.
    AtomicFile.checkFolder(output, "--output " + output);
    if (report != null) {
      AtomicFile.checkTarget(report, "--report");
    }
    if (montage != null) {
      AtomicFile.checkTarget(montage, "--montage");
    }
    if (html != null) {
      AtomicFile.checkTarget(html, "--html");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InputCollection.Result collected = inputs.collect(output, err);
    List<ImageInput> images = collected.images();
    TemporaryFile.removeStale(output);
    boolean batchMode = images.size() + collected.errors().size() > 1;
    int total = images.size() + collected.errors().size();
    BatchRun.Summary summary;
    try (ReportPrinter printer = new ReportPrinter(out, err, shared.json, quiet, report)) {
      // Everything that needs no weights is settled first: a run with nothing to explain loads none.
      RunPlan plan = RunPlan.of(settings, catalog());
      PendingWork pending = PendingWork.of(images, plan.layout(npy, raw), skipExisting,
          settings.maxPixels());
      if (!pending.needsNetwork()) {
        return finishWithoutNetwork(pending, collected, printer, batchMode, total);
      }
      // Natives, not weights, and only for a run that will use them: Main has started them
      // already unless --threads was given.
      NetworkLoader.startLoadingEngine(settings.threads());
      ImageDecoder.loadNativesInBackground();
      ProgressReport.Mode mode = progressMode(batchMode);
      try (Explainer explainer = Explainer.open(settings, plan, images.size(),
              stage -> showStage(stage, mode, err));
          ProgressReport progress = new ProgressReport(mode, images.size(), System.err, printer)) {
        // A folder that could not be listed fails the run like an image that could not be read.
        collected.errors().forEach(e -> printer.finished(ImageReport.failed(e.path(), e.message(), 0)));
        BatchRun run = new BatchRun(explainer, images,
            new BatchRun.Options(batchSize, skipExisting, failFast, decodeThreads()), progress);
        try (StopOnSignal stopper = new StopOnSignal(run::requestStop)) {
          summary = run.run().withFailed(collected.errors().size());
          explainer.writeFigures();
          printer.summary(summary, batchMode);
          // Before the stopper lets a Ctrl-C exit go on: the closing lines, below the finished bar.
          progress.close();
          printer.textSummary(summary, batchMode, total);
        }
      }
    }
    if (summary.interrupted()) {
      return XaiCamException.EXIT_INTERRUPTED;
    }
    return summary.failed() > 0 ? XaiCamException.EXIT_INPUT : XaiCamException.EXIT_OK;
  }

  /**
   * Ends a run in which no image needs the network (all explained already, or none readable):
   * failures are reported as usual, skipped images only in JSON, then one closing line.
   */
  private int finishWithoutNetwork(PendingWork pending, InputCollection.Result collected,
      ReportPrinter printer, boolean batchMode, int total) {
    collected.errors().forEach(e -> printer.finished(ImageReport.failed(e.path(), e.message(), 0)));
    for (ImageReport r : pending.reports()) {
      if (r.status() == ImageReport.Status.ERROR || shared.json) {
        printer.finished(r);
      } else {
        printer.recordOnly(r);
      }
    }
    int failed = pending.reports().size() - pending.skipped() + collected.errors().size();
    BatchRun.Summary summary = new BatchRun.Summary(0, pending.skipped(), failed, 0, false, false);
    printer.summary(summary, batchMode);
    if (failed == 0) {
      if (!quiet && !shared.json) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("xai-cam: all " + pending.skipped() + " image" + (pending.skipped() == 1 ? "" : "s")
            + " already explained; nothing to do");
        err.flush();
      }
      return XaiCamException.EXIT_OK;
    }
    printer.textSummary(summary, batchMode, total);
    return XaiCamException.EXIT_INPUT;
  }

  /** The loading line, where someone watches standard error: with a bar, or in logs. */
  private void showStage(String stage, ProgressReport.Mode mode, PrintWriter err) {
    if (!quiet && (mode == ProgressReport.Mode.LOG || Terminal.stderrIsTerminal())) {
      err.println("xai-cam: " + stage);
      err.flush();
    }
  }

  /** The options as settings, checked by {@code build()}: every range check is the builder's. */
  private ExplainSettings.Builder settings() {
    return inputOptions.applyTo(modelOptions.applyTo(ExplainSettings.builder()))
        .weights(shared.weights).offline(offline).methods(methods)
        .layer(layer).classes(classes).topK(topK).alpha(alpha).npy(npy).batchSize(batchSize).maxN(maxN)
        .smoothSamples(smoothSamples).smoothNoise(smoothNoise).seed(seed)
        .maxPixels(maxPixels).montage(montage).float64(float64).threads(shared.threads).colormap(colormap).raw(raw)
        .html(html);
  }

  /**
   * {@code --compare-models}: each model in turn over every image, then the montage and a line per
   * image. Options about files it does not write are refused here when typed (the settings cannot
   * tell a default from a typed value); the rest are checked by {@link ComparisonPlan}.
   */
  private int compare() throws IOException {
    for (String option : List.of("--model", "--output", "--report", "--skip-existing", "--fail-fast")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw XaiCamException.usage(option + " cannot be used with --compare-models: "
            + (option.equals("--model") ? "it names the models" : "it writes only the montage"));
      }
    }
    ComparisonPlan plan = ComparisonPlan.of(compareModels, this::settings, catalog());
    AtomicFile.checkTarget(montage, "--montage");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InputCollection.Result collected = inputs.collect(output, err);
    ComparisonPrinter printer = new ComparisonPrinter(out, err, shared.json, quiet,
        !quiet && (Terminal.stderrIsTerminal() || !shared.json));
    // A folder that could not be listed fails the run like an image that could not be read.
    collected.errors().forEach(e -> printer.failed(ImageReport.failed(e.path(), e.message(), 0)));
    ModelComparison comparison = new ModelComparison(plan, catalog());
    BatchRun.Summary summary;
    try (StopOnSignal stopper = new StopOnSignal(comparison::requestStop)) {
      summary = comparison.run(collected.images(), printer).withFailed(collected.errors().size());
      if (summary.interrupted()) {
        err.println("xai-cam: interrupted; no montage written");
      } else if (!quiet && !shared.json) {
        err.printf(Locale.ROOT, "xai-cam: %d image%s compared by %d models, %d failed in %.1f s%s%n",
            summary.ok(), summary.ok() == 1 ? "" : "s", plan.columns().size(), summary.failed(),
            summary.millis() / 1000.0,
            summary.ok() > 0 ? "; montage " + montage : "");
      }
      err.flush();
    }
    if (summary.interrupted()) {
      return XaiCamException.EXIT_INTERRUPTED;
    }
    return summary.failed() > 0 ? XaiCamException.EXIT_INPUT : XaiCamException.EXIT_OK;
  }

  /** A bar on a terminal; log lines otherwise, except with --json, where stderr holds only failures. */
  private ProgressReport.Mode progressMode(boolean batchMode) {
    if (quiet || !batchMode) {
      return ProgressReport.Mode.NONE;
    }
    if (Terminal.stderrIsTerminal()) {
      return ProgressReport.Mode.BAR;
    }
    return shared.json ? ProgressReport.Mode.NONE : ProgressReport.Mode.LOG;
  }

  /** Worker threads decoding ahead of the network: up to four, never more than the cores. */
  private static int decodeThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }
}
