package dev.xaicam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xaicam.XaiCamException;
import dev.xaicam.evaluate.CurvePlot;
import dev.xaicam.evaluate.EvaluateSettings;
import dev.xaicam.evaluate.Evaluator;
import dev.xaicam.evaluate.ImageScores;
import dev.xaicam.evaluate.SummaryTable;
import dev.xaicam.explain.ExplainSettings;
import dev.xaicam.explain.ImageInput;
import dev.xaicam.explain.InputCollection;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.output.AtomicFile;
import dev.xaicam.output.ImageReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai-cam evaluate}: how faithful each method's heatmaps are on a folder of images (Average
 * Drop, Increase in Confidence, deletion and insertion AUC, optionally ROAD), as a Markdown table
 * of means with 95% intervals, JSON, per-image JSON Lines and a picture of the mean curves.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Scores CAM methods on images: Average Drop and Increase in Confidence (Chattopadhyay et al."
          + " 2018), deletion and insertion AUC (Petsiuk et al. 2018), with --road ROAD MoRF/LeRF"
          + " (Rong et al. 2022); per method the mean over the images with its 95%% interval.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  xai-cam evaluate -m gradcam,gradcam++,scorecam --model demo samples/shapes",
      "  xai-cam evaluate -m gradcam,ablationcam --road --plot curves.png \\",
      "      --report scores.jsonl photos/"
    })
final class EvaluateCommand implements Callable<Integer> {
  /**
   * JSON writer, made on first use: picocli instantiates every subcommand of a command line that
   * has them, and a static mapper put Jackson's start-up into {@code --help}.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** The model catalog. */
  private final ModelCatalog catalog;

  /** picocli's view of this command, for its writers. */
  @Spec CommandSpec spec;

  /** Options shared with the other commands: --weights, --threads, --json. */
  @Mixin SharedOptions shared = new SharedOptions();

  /** Image files, folders and lists. */
  @Mixin InputOptions inputs = new InputOptions();

  /** Methods to score. */
  @Option(names = {"-m", "--method"}, split = ",", paramLabel = "METHOD",
      defaultValue = ExplainSettings.DEFAULT_METHOD,
      description = "CAM method(s), comma-separated (default: ${DEFAULT-VALUE}); the list is under"
          + " Methods below.")
  List<String> methods;

  /** Model name from the catalog. */
  @Option(names = "--model", paramLabel = "NAME", defaultValue = ExplainSettings.DEFAULT_MODEL,
      description = "Model (default: ${DEFAULT-VALUE}); 'xai-cam models' lists them.")
  String model;

  /** Target layer. */
  @Option(names = {"-l", "--layer"}, paramLabel = "NAME|INDEX",
      description = "Target layer (default: the last convolutional layer).")
  String layer;

  /** Classes explained. */
  @Option(names = {"-c", "--class"}, split = ",", paramLabel = "CLASS",
      description = "Target class: index or name (default: each image's top prediction).")
  List<String> classes = List.of();

  /** Deletion and insertion steps. */
  @Option(names = "--steps", paramLabel = "N", defaultValue = EvaluateSettings.DEFAULT_STEPS_TEXT,
      description = "Deletion and insertion steps, 1.." + EvaluateSettings.MAX_STEPS
          + " (default: ${DEFAULT-VALUE}); each costs a forward pass per image and method.")
  int steps;

  /** Whether ROAD runs. */
  @Option(names = "--road", description = "Also ROAD MoRF/LeRF at 10..90%% (slow at 224x224: a"
      + " sparse solve per percentile and order).")
  boolean road;

  /** Images per forward pass. */
  @Option(names = "--batch-size", paramLabel = "N",
      defaultValue = ExplainSettings.DEFAULT_BATCH_SIZE_TEXT,
      description = "Perturbed images per forward pass, 1.." + ExplainSettings.MAX_BATCH_SIZE
          + " (default: ${DEFAULT-VALUE}).")
  int batchSize;

  /** Per-image JSON Lines, or null. */
  @Option(names = "--report", paramLabel = "FILE",
      description = "Write every image's values per method (Y, O, drop, AUCs, ROAD) as JSON Lines.")
  Path report;

  /** The curves picture, or null. */
  @Option(names = "--plot", paramLabel = "FILE.png",
      description = "Draw the mean deletion and insertion curves per method into a PNG.")
  Path plot;

  /** Whether the network runs in float64. */
  @Option(names = "--float64", description = "Run the network in double precision.")
  boolean float64;

  /** SmoothGrad's noisy copies. */
  @Option(names = "--smooth-samples", paramLabel = "N",
      defaultValue = ExplainSettings.DEFAULT_SMOOTH_SAMPLES_TEXT,
      description = "Noisy copies SmoothGrad averages (default: ${DEFAULT-VALUE}).")
  int smoothSamples;

  /** SmoothGrad's noise level. */
  @Option(names = "--smooth-noise", paramLabel = "F",
      defaultValue = ExplainSettings.DEFAULT_SMOOTH_NOISE_TEXT,
      description = "SmoothGrad's noise as a fraction of the input's range (default:"
          + " ${DEFAULT-VALUE}).")
  double smoothNoise;

  /** Seed of SmoothGrad's noise and ROAD's imputation noise. */
  @Option(names = "--seed", paramLabel = "S", defaultValue = ExplainSettings.DEFAULT_SEED_TEXT,
      description = "Seed of SmoothGrad's and ROAD's noise (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Whether progress is hidden. */
  @Option(names = {"-q", "--quiet"}, description = "No progress display.")
  boolean quiet;

  /** A command over the given catalog. */
  EvaluateCommand(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  /** A command over the built-in catalog (picocli's factory). */
  EvaluateCommand() {
    this(ModelCatalog.builtIn(DownloadProgress.onStderr()));
  }

  @Override
  public Integer call() throws Exception {
    EvaluateSettings settings = EvaluateSettings.builder().steps(steps).road(road)
        .explain(ExplainSettings.builder().model(model).weights(shared.weights).methods(methods)
            .layer(layer).classes(classes).batchSize(batchSize).float64(float64)
            .smoothSamples(smoothSamples).smoothNoise(smoothNoise).seed(seed)
            .threads(shared.threads).build())
        .build();
    if (report != null) {
      AtomicFile.checkTarget(report, "--report");
    }
    if (plot != null) {
      AtomicFile.checkTarget(plot, "--plot");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Nothing is written beside the images, so no output folder needs keeping out of the walk.
    InputCollection.Result collected = inputs.collect(Path.of(".xai-cam-no-output"), err);
    List<ImageInput> images = collected.images();
    StringBuilder lines = new StringBuilder();
    Evaluator.Result result;
    int walkErrors = collected.errors().size();
    collected.errors().forEach(e -> err.println("xai-cam: " + e.message()));
    try (Evaluator evaluator = Evaluator.open(settings, catalog);
        ProgressReport progress = new ProgressReport(progressMode(images.size()), images.size(),
            System.err, null)) {
      Evaluator.Listener listener = new Evaluator.Listener() {
        @Override
        public void scored(Path image, List<ImageScores> scores) {
          for (ImageScores s : scores) {
            lines.append(json(s.toJson())).append('\n');
          }
          progress.finished(new ImageReport(image, ImageReport.Status.OK, null, null, List.of(),
              List.of(), 0));
        }

        @Override
        public void failed(Path image, String error) {
          err.println("xai-cam: " + OneLine.of(error));
          err.flush();
          progress.finished(ImageReport.failed(image, error, 0));
        }
      };
      try (StopOnSignal stopper = new StopOnSignal(() -> stopRequested = true)) {
        result = evaluator.run(images, () -> stopRequested, listener);
      }
    }
    if (report != null) {
      AtomicFile.write(report, lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    if (plot != null && !result.methods().isEmpty()) {
      CurvePlot.write(result.methods(), plot);
    }
    if (shared.json) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("images", result.ok());
      summary.put("failed", result.failed() + walkErrors);
      summary.put("steps", steps);
      summary.put("methods", SummaryTable.json(result.methods()));
      out.println(json(summary));
    } else {
      out.print(SummaryTable.markdown(result.methods()));
    }
    out.flush();
    if (result.interrupted()) {
      return XaiCamException.EXIT_INTERRUPTED;
    }
    return result.failed() + walkErrors > 0 ? XaiCamException.EXIT_INPUT : XaiCamException.EXIT_OK;
  }

  /** Set from the Ctrl-C hook; read between images. */
  private volatile boolean stopRequested;

  /** One line of JSON. */
  private static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A bar on a terminal, nothing otherwise (stdout holds the table). */
  private ProgressReport.Mode progressMode(int images) {
    return quiet || images < 2 || !Terminal.stderrIsTerminal() ? ProgressReport.Mode.NONE
        : ProgressReport.Mode.BAR;
  }
}
