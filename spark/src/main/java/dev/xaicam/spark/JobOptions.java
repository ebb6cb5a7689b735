package dev.xaicam.spark;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.ExplainSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark job's command line: where images come from and go, plus the explain command's own
 * options with the same names and defaults. Executors parse the same arguments again, so the
 * settings need no serialising of their own.
 */
@Command(
    name = "xai-cam-spark",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Explains every image below --input with xai-cam on Apache Spark: the command line's files "
          + "(same names, same bytes) under --output, and a results table (Parquet and JSON Lines).",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  spark-submit --class dev.xaicam.spark.ExplainJob xai-cam-spark.jar \\",
      "      --input hdfs:///data/val --output hdfs:///cams -r -m scorecam --npy",
      "  bin/xai-cam-spark --master 'local[2]' --input samples/shapes --output out --model demo"
    })
final class JobOptions {
  /** Images: a folder, a single file or a glob, on any file system Hadoop reaches. */
  @Option(names = "--input", required = true, paramLabel = "DIR|GLOB",
      description = "Folder, file or glob of images (file:, hdfs:, s3a: ...).")
  String input;

  /** Output folder. */
  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Output folder; file names as the command line's.")
  String output;

  /** Results table folder, or null for {@code <output>/_results}. */
  @Option(names = "--results", paramLabel = "DIR",
      description = "Results table folder: parquet/ and jsonl/ inside (default: <output>/_results).")
  String results;

  /** Whether sub-folders of the input are read. */
  @Option(names = {"-r", "--recursive"}, description = "Also read the input folder's sub-folders.")
  boolean recursive;

  /** Spark master, or null to take spark-submit's. */
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (bin/xai-cam-spark passes local[N]); omit under spark-submit.")
  String master;

  /** Whether images whose outputs all exist are skipped. */
  @Option(names = "--skip-existing", description = "Skip images whose outputs all exist (resume a killed job).")
  boolean skipExisting;

  /** CAM methods, as typed. */
  @Option(names = {"-m", "--method"}, split = ",", paramLabel = "METHOD", defaultValue = ExplainSettings.DEFAULT_METHOD,
      description = "CAM method(s), comma-separated (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  /** Target layer name or index; null for the last convolution. */
  @Option(names = {"-l", "--layer"}, paramLabel = "NAME|INDEX", description = "Target layer (default: the last convolution).")
  String layer;

  /** Target classes as typed; empty for the top prediction(s). */
  @Option(names = {"-c", "--class"}, split = ",", paramLabel = "CLASS", description = "Target class(es): index or name.")
  List<String> classes = new ArrayList<>();

  /** How many top classes to explain. */
  @Option(names = "--top-k", paramLabel = "K", defaultValue = ExplainSettings.DEFAULT_TOP_K_TEXT,
      description = "Explain each of the top K classes (default: ${DEFAULT-VALUE}).")
  int topK;

  /** Overlay opacity. */
  @Option(names = "--alpha", paramLabel = "A", defaultValue = ExplainSettings.DEFAULT_ALPHA_TEXT,
      description = "Overlay opacity, 0..1 (default: ${DEFAULT-VALUE}).")
  double alpha;

  /** Whether to also write .npy heatmaps. */
  @Option(names = "--npy", description = "Also write each normalised heatmap as .npy.")
  boolean npy;

  /** Model name from the catalog. */
  @Option(names = "--model", paramLabel = "NAME", defaultValue = ExplainSettings.DEFAULT_MODEL,
      description = "Model (default: ${DEFAULT-VALUE}).")
  String model;

  /** Weight file, or null to look in the caches. */
  @Option(names = "--weights", paramLabel = "FILE",
      description = "Weight file, at this path on every executor.")
  Path weights;

  /** Whether downloads are forbidden. */
  @Option(names = "--offline", description = "Never download weights.")
  boolean offline;

  /** Images per forward pass and per partition. */
  @Option(names = "--batch-size", paramLabel = "N", defaultValue = ExplainSettings.DEFAULT_BATCH_SIZE_TEXT,
      description = "Images per forward pass = images per Spark partition, and masked inputs per "
          + "Score-CAM pass (default: ${DEFAULT-VALUE}).")
  int batchSize;

  /** Faster-Score-CAM's channel count. */
  @Option(names = "--max-n", paramLabel = "N",
      description = "Channels Faster-Score-CAM evaluates (default: "
          + ExplainSettings.DEFAULT_MAX_N_TEXT + "); only with -m faster-scorecam.")
  Integer maxN;

  /** Largest declared image size decoded. */
  @Option(names = "--max-pixels", paramLabel = "N", defaultValue = ExplainSettings.DEFAULT_MAX_PIXELS_TEXT,
      description = "Refuse images declaring more than N pixels (default: ${DEFAULT-VALUE}).")
  long maxPixels;

  /** Whether the network computes in float64. */
  @Option(names = "--float64", description = "Run the network in float64.")
  boolean float64;

  /** TensorFlow threads, or null for all cores. */
  @Option(names = "--threads", paramLabel = "N",
      description = "TensorFlow threads per executor (default: all its cores).")
  Integer threads;

  /** Parses {@code args}; a usage error names what is wrong. */
  static JobOptions parse(String... args) {
    JobOptions options = new JobOptions();
    try {
      new CommandLine(options).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw XaiCamException.usage(e.getMessage());
    }
    return options;
  }

  /** The explain settings, checked by the command line's own builder. */
  ExplainSettings settings() {
    return ExplainSettings.builder().model(model).weights(weights).offline(offline).methods(methods)
        .layer(layer).classes(classes).topK(topK).alpha(alpha).npy(npy).batchSize(batchSize).maxN(maxN)
        .maxPixels(maxPixels).float64(float64).threads(threads).build();
  }

  /** The results table's folder. */
  String resultsDir() {
    return results != null ? results : HadoopStore.child(output, "_results");
  }
}
