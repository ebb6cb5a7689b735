package dev.xaicam.cli;

import dev.xaicam.image.Preprocessing;
import dev.xaicam.model.Vgg16;
import dev.xaicam.pipeline.Benchmark;
import dev.xaicam.pipeline.BenchmarkReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xai-cam bench}: times start-up, forward passes and every CAM method on VGG16 here. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Time VGG16 on this machine: start-up, a plain forward pass per image at each batch "
        + "size, every CAM method per image (with peak resident memory), Score-CAM's skipped channels, "
        + "and optionally a memory soak. Needs no weight file (seeded random weights) and writes "
        + "nothing; takes several minutes (Score-CAM evaluates every channel).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  xai-cam bench                                   everything, random weights and inputs",
      "  xai-cam bench --weights vgg16.h5 samples/*.png  real weights and photos",
      "  xai-cam bench -m gradcam --batch-sizes 1 --soak 1000 --json"
    })
final class BenchCommand implements Callable<Integer> {
  /** Injected by picocli: the command's writers. */
  @Spec CommandSpec spec;

  /** Photos to feed, cycled to fill batches. */
  @Parameters(paramLabel = "IMAGE", arity = "0..*",
      description = "Images to feed (cycled); default: seeded random inputs.")
  List<Path> images = new ArrayList<>();

  /** Weight file whose loading is timed. */
  @Option(names = "--weights", paramLabel = "FILE",
      description = "Keras HDF5 weight file to load (and time); default: seeded random weights.")
  Path weights;

  /** Forward-pass batch sizes. */
  @Option(names = "--batch-sizes", split = ",", paramLabel = "N",
      description = "Batch sizes of the plain forward pass (default: 1,8,32).")
  List<Integer> batchSizes = new ArrayList<>(List.of(1, 8, 32));

  /** Method batch sizes. */
  @Option(names = "--method-batch-sizes", split = ",", paramLabel = "N",
      description = "Batch sizes of the CAM methods, also masks per Score-CAM pass (default: 1,8).")
  List<Integer> methodBatchSizes = new ArrayList<>(List.of(1, 8));

  /** Methods to time. */
  @Option(names = {"-m", "--method"}, split = ",", paramLabel = "METHOD",
      description = "Methods to time (default: all: gradcam, gradcam++, layercam, faster-scorecam, scorecam).")
  List<String> methods = new ArrayList<>(Benchmark.DEFAULT_METHODS);

  /** Timed batches per case. */
  @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
      description = "Timed batches per case after a warm-up; the median is reported (default: ${DEFAULT-VALUE}).")
  int repeats;

  /** Score-CAM's image count. */
  @Option(names = "--scorecam-images", paramLabel = "N", defaultValue = "1",
      description = "Images Score-CAM explains per batch size (default: ${DEFAULT-VALUE}).")
  int scoreCamImages;

  /** TensorFlow threads; null means all cores. */
  @Option(names = "--threads", paramLabel = "N",
      description = "TensorFlow threads (default: all cores).")
  Integer threads;

  /** Soak length. */
  @Option(names = "--soak", paramLabel = "N", defaultValue = "0",
      description = "Afterwards run forward + backward + Grad-CAM on N images, reporting memory at start and end.")
  int soak;

  /** Seed of random weights and inputs. */
  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the random weights and inputs (default: ${DEFAULT-VALUE}).")
  long seed;

  /** JSON instead of tables. */
  @Option(names = "--json", description = "Print one JSON object instead of tables.")
  boolean json;

  /** Checks the options (usage errors before anything loads), runs, prints. */
  @Override
  public Integer call() {
    Benchmark.Config config = config();
    PrintWriter err = spec.commandLine().getErr();
    Benchmark.Result result = new Benchmark(config, line -> {
      err.println("bench: " + line);
      err.flush();
    }).run();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? BenchmarkReport.json(result) + System.lineSeparator()
        : BenchmarkReport.text(result));
    out.flush();
    return 0;
  }

  /** The checked configuration; usage errors name the option. */
  Benchmark.Config config() {
    return new Benchmark.Config(Vgg16.architecture(), Preprocessing.CAFFE, weights, seed, images,
        batchSizes, methodBatchSizes, methods, repeats, scoreCamImages,
        threads == null ? Runtime.getRuntime().availableProcessors() : threads, soak);
  }
}
