package dev.xaicam.spark;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.RunPlan;
import dev.xaicam.models.DownloadListener;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.output.JsonReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import scala.Tuple2;

/**
 * {@code spark-submit --class dev.xaicam.spark.ExplainJob xai-cam-spark.jar --input DIR --output DIR
 * [explain options]}: the explain command over a folder on a Spark cluster, with the command line's
 * files and a results table.
 *
 * <p>The driver lists the images (paths only), gives each the command line's output base and
 * sorts them as the command line does; {@code binaryFile} reads their bytes, and a join onto the
 * listing puts images {@code k*batch .. (k+1)*batch-1} into partition {@code k}, so every
 * partition is one network batch.
 * Executors explain partitions with one network per JVM ({@link ExplainerHolder}) and write files
 * through {@link HadoopStore}; their rows become the results table, written once as Parquet and
 * copied to JSON Lines.
 */
public final class ExplainJob {
  /**
   * Test-only Spark setting: a file name whose write fails half-way in its task's first attempt,
   * to show that a retried task leaves no partial or duplicate file.
   */
  static final String FAIL_ONCE_SETTING = "spark.xaicam.test.failOnce";

  private ExplainJob() {}

  /** Runs the job in the current Spark application (or local mode with {@code --master}), then exits. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    CommandLine help = new CommandLine(new JobOptions());
    int code;
    try {
      help.parseArgs(args);
      if (help.isUsageHelpRequested()) {
        help.usage(out);
        System.exit(0);
      }
      JobOptions options = JobOptions.parse(args);
      SparkSession.Builder builder = SparkSession.builder().appName("xai-cam");
      if (options.master != null) {
        builder.master(options.master);
      }
      try (SparkSession spark = builder.getOrCreate()) {
        JobSummary summary = run(spark, args);
        out.println(JsonReport.summary((int) summary.ok(), (int) summary.skipped(), (int) summary.failed(),
            summary.millis()));
        err.printf("xai-cam-spark: %d explained, %d skipped, %d failed in %.1f s; results in %s%n",
            summary.ok(), summary.skipped(), summary.failed(), summary.millis() / 1000.0, options.resultsDir());
      }
      code = XaiCamException.EXIT_OK;
    } catch (CommandLine.ParameterException e) {
      err.println("xai-cam-spark: " + e.getMessage());
      code = XaiCamException.EXIT_USAGE;
    } catch (XaiCamException e) {
      err.println("xai-cam-spark: " + e.getMessage());
      code = e.exitCode();
    }
    System.exit(code);
  }

  /**
   * Explains every image of {@code args}'s {@code --input} in {@code spark}'s application and
   * writes the files and the results table. Bad images are rows with their error, never a failed
   * job.
   *
   * @throws XaiCamException a usage error before anything runs, for wrong options or a missing input
   */
  public static JobSummary run(SparkSession spark, String... args) {
    long start = System.nanoTime();
    JobOptions options = JobOptions.parse(args);
    // Usage errors (method, layer, class names) answer on the driver before any task starts.
    RunPlan.of(options.settings(), ModelCatalog.builtIn(DownloadListener.SILENT));
    HadoopStore store = new HadoopStore(qualified(spark, options.output), spark.sparkContext().hadoopConfiguration(),
        spark.conf().get(FAIL_ONCE_SETTING, null));
    store.removeTemporaries();

    Map<String, ListedImage> listing = ImageListing.list(spark, options);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Map<String, ListedImage>> images = context.broadcast(listing);
    BatchPartitioner batches = new BatchPartitioner(listing.size(), options.batchSize);
    JavaPairRDD<Integer, byte[]> contents = ImageListing.reader(spark).load(options.input).select("path", "content")
        .javaRDD()
        .filter(row -> images.value().containsKey(row.getString(0)))
        .mapToPair(row -> new Tuple2<>(images.value().get(row.getString(0)).index(), (byte[]) row.get(1)));
    // Spark's rows leave out empty files: joining onto the listing keeps every image, bytes or none.
    JavaRDD<Row> rows = context.parallelizePairs(listing.values().stream().map(i -> new Tuple2<>(i.index(), i)).toList())
        .leftOuterJoin(contents, batches)
        .mapPartitions(new PartitionExplainer(List.of(args), store));

    String results = options.resultsDir();
    spark.createDataFrame(rows, ResultRows.SCHEMA).write().mode(SaveMode.Overwrite).parquet(results + "/parquet");
    Dataset<Row> table = spark.read().parquet(results + "/parquet");
    table.orderBy("input", "method", "target.index").coalesce(1)
        .write().mode(SaveMode.Overwrite).json(results + "/jsonl");
    store.removeTemporaries();
    images.destroy();

    Map<String, Long> byStatus = table.select("input", "status").distinct().groupBy("status").count()
        .collectAsList().stream().collect(java.util.stream.Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    return new JobSummary(byStatus.getOrDefault("ok", 0L), byStatus.getOrDefault("skipped", 0L),
        byStatus.getOrDefault("error", 0L), table.count(), (System.nanoTime() - start) / 1_000_000);
  }

  /** {@code folder} fully qualified on its file system, so executors resolve it as the driver does. */
  private static String qualified(SparkSession spark, String folder) {
    Path path = new Path(folder);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.makeQualified(path).toString();
    } catch (java.io.IOException e) {
      throw XaiCamException.setup("cannot reach --output " + folder + ": " + e.getMessage(), e);
    }
  }
}
