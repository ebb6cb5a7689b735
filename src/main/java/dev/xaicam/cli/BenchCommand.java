package dev.xaicam.cli;

import dev.xaicam.bench.BenchSettings;
import dev.xaicam.bench.Benchmark;
import dev.xaicam.bench.BenchmarkReport;
import dev.xaicam.bench.BenchmarkResult;
import dev.xaicam.explain.ExplainSettings;
import dev.xaicam.models.DownloadListener;
import dev.xaicam.models.ModelCatalog;
import java.io.PrintWriter;
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
      "  xai-cam bench                                   everything, random weights and inputs",
      "  xai-cam bench --weights vgg16.h5 samples/*.png  real weights and photos",
      "  xai-cam bench --model resnet50 -m gradcam       another catalogue model",
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

  /** Checks the options (usage errors before anything loads), runs, prints. */
  @Override
  public Integer call() {
    BenchSettings settings = settings();
    PrintWriter err = spec.commandLine().getErr();
    BenchmarkResult result = new Benchmark(settings, line -> {
      err.println("bench: " + line);
      err.flush();
    }).run();
    PrintWriter out = spec.commandLine().getOut();
    out.print(shared.json ? BenchmarkReport.json(result) + System.lineSeparator() : BenchmarkReport.text(result));
    out.flush();
    return 0;
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
