package dev.xaicam.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xaicam.XaiCamException;
import dev.xaicam.cli.CommandTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The job in Spark local mode (two cores, up to three attempts per task) on the demo model, over
 * the sample shapes plus a folder of broken files, against the command line on the same folder.
 */
@Tag("native")
class ExplainJobTest {
  /** The shapes shipped with the repository. */
  private static final Path SHAPES = Path.of("../samples/shapes");
  /** Options both the command line and the job get: four images per batch, so four partitions. */
  private static final List<String> OPTIONS =
      List.of("--model", "demo", "-m", "gradcam,scorecam", "--npy", "-r", "--batch-size", "4");
  /** Images in the input: twelve shapes and four broken files. */
  private static final int IMAGES = 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path in;
  static Path cliOut;
  /** The command line's report, one line per image, by input. */
  static Map<String, JsonNode> cliReport;
  static SparkSession spark;

  @BeforeAll
  static void inputsCommandLineAndSpark() throws IOException {
    in = dir.resolve("in");
    Files.createDirectories(in.resolve("broken"));
    try (Stream<Path> shapes = Files.list(SHAPES)) {
      for (Path file : shapes.toList()) {
        Files.copy(file, in.resolve(file.getFileName().toString())); // boxes.csv too: not an image
      }
    }
    Files.copy(Path.of("/work/shared/data/bad-inputs/truncated.jpg"), in.resolve("broken/truncated.jpg"));
    Files.createFile(in.resolve("broken/empty.png"));
    Files.writeString(in.resolve("broken/notes.png"), "this is not a picture\n");
    byte[] star = Files.readAllBytes(SHAPES.resolve("01_star.png"));
    Files.write(in.resolve("broken/cut.png"), Arrays.copyOf(star, star.length / 2));

    cliOut = dir.resolve("cli");
    Path report = dir.resolve("cli.jsonl");
    List<String> args = new ArrayList<>(OPTIONS);
    args.addAll(List.of("-q", "-o", cliOut.toString(), "--report", report.toString(), in.toString()));
    CommandLine cli = CommandTree.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    assertThat(cli.execute(args.toArray(String[]::new))).as(err.toString()).isEqualTo(XaiCamException.EXIT_INPUT);
    cliReport = new HashMap<>();
    for (String line : Files.readAllLines(report)) {
      JsonNode node = JSON.readTree(line);
      if (!node.has("summary")) {
        cliReport.put(node.get("input").asText(), node);
      }
    }
    assertThat(cliReport).hasSize(IMAGES);

    spark = SparkSession.builder().master("local[2,3]").appName("xai-cam-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** Runs the job with the shared options into {@code out}, plus {@code extra}. */
  private static JobSummary job(Path out, String... extra) {
    List<String> args = new ArrayList<>(OPTIONS);
    args.addAll(List.of("--input", in.toString(), "--output", out.toString()));
    args.addAll(List.of(extra));
    return ExplainJob.run(spark, args.toArray(String[]::new));
  }

  /** Every file below {@code root} (results table left out), by relative path, with its bytes. */
  private static Map<String, byte[]> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !root.relativize(f).startsWith("_results"))
          .collect(Collectors.toMap(f -> root.relativize(f).toString(), ExplainJobTest::bytes, (a, b) -> a, TreeMap::new));
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Asserts that {@code out} holds exactly the command line's files, byte for byte. */
  private static void assertSameFilesAsTheCommandLine(Path out) throws IOException {
    Map<String, byte[]> cli = files(cliOut);
    Map<String, byte[]> job = files(out);
    assertThat(cli).hasSize(12 * 2 * 2); // shapes x methods x (png, npy)
    assertThat(job.keySet()).containsExactlyElementsOf(cli.keySet());
    cli.forEach((name, expected) -> assertThat(job.get(name)).as(name).isEqualTo(expected));
  }

  /** The rows of the job's JSON Lines table. */
  private static List<JsonNode> jsonRows(Path results) throws IOException {
    try (Stream<Path> parts = Files.list(results.resolve("jsonl"))) {
      List<JsonNode> rows = new ArrayList<>();
      for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        for (String line : Files.readAllLines(part)) {
          rows.add(JSON.readTree(line));
        }
      }
      return rows;
    }
  }

  @Test
  void filesAreTheCommandLinesAndTheTableHoldsItsReportRowByRow() throws IOException {
    Path out = dir.resolve("spark");
    JobSummary summary = job(out);

    assertThat(summary).extracting(JobSummary::ok, JobSummary::skipped, JobSummary::failed, JobSummary::rows)
        .containsExactly(12L, 0L, 4L, (long) IMAGES * 2);
    assertSameFilesAsTheCommandLine(out);

    List<JsonNode> rows = jsonRows(out.resolve("_results"));
    assertThat(rows).hasSize(IMAGES * 2);
    assertThat(rows.stream().map(r -> r.get("input").asText() + " " + r.get("method").asText()).distinct())
        .hasSize(IMAGES * 2);
    for (JsonNode row : rows) {
      JsonNode cli = cliReport.get(row.get("input").asText());
      assertThat(cli).as(row.toString()).isNotNull();
      assertThat(row.get("status").asText()).isEqualTo(cli.get("status").asText());
      if (cli.has("error")) {
        assertThat(row.get("error").asText()).isEqualTo(cli.get("error").asText());
        assertThat(row.has("target")).isFalse();
        continue;
      }
      assertThat(row.get("layer")).isEqualTo(cli.get("layer"));
      assertThat(row.get("top5")).isEqualTo(cli.get("top5"));
      JsonNode heatmap = null;
      for (JsonNode h : cli.get("heatmaps")) {
        if (h.get("method").equals(row.get("method"))) {
          heatmap = h;
        }
      }
      assertThat(heatmap).as(row.toString()).isNotNull();
      assertThat(row.get("target")).isEqualTo(heatmap.get("target"));
      assertThat(row.get("png").asText()).isEqualTo(out.resolve(cliOut.relativize(Path.of(heatmap.get("png").asText()))).toString());
      assertThat(row.get("npy").asText()).isEqualTo(out.resolve(cliOut.relativize(Path.of(heatmap.get("npy").asText()))).toString());
    }
    List<Row> parquet = spark.read().parquet(out.resolve("_results/parquet").toString()).collectAsList();
    assertThat(parquet).hasSize(IMAGES * 2);
    assertThat(parquet.stream().filter(r -> r.getAs("status").equals("error")).map(r -> (String) r.getAs("input")).distinct())
        .containsExactlyInAnyOrder(Stream.of("cut.png", "empty.png", "notes.png", "truncated.jpg")
            .map(name -> in.resolve("broken").resolve(name).toString()).toArray(String[]::new));
  }

  @Test
  void aTaskFailingHalfWayThroughAFileIsRetriedWithNoPartialOrDuplicateFile() throws Exception {
    Path out = dir.resolve("retried");
    // A killed executor's leftover from an earlier run: the job removes it.
    Path stale = Files.createDirectories(out.resolve("broken")).resolve(".xai-cam-tmp-999999-x.part");
    Files.write(stale, new byte[] {1, 2, 3});
    spark.conf().set(ExplainJob.FAIL_ONCE_SETTING, "05_star.scorecam.npy");
    spark.sparkContext().setJobGroup("retried", "task fails once", false);
    JobSummary summary;
    try {
      summary = job(out);
    } finally {
      spark.conf().unset(ExplainJob.FAIL_ONCE_SETTING);
      spark.sparkContext().clearJobGroup();
    }

    assertThat(failedTasks("retried")).isEqualTo(1);
    assertThat(summary.ok()).isEqualTo(12);
    assertThat(summary.rows()).isEqualTo(IMAGES * 2);
    assertSameFilesAsTheCommandLine(out);
    try (Stream<Path> walk = Files.walk(out)) {
      // Spark's table writer keeps Hadoop's .crc files under _results; the job's own files have none.
      assertThat(walk.filter(p -> !out.relativize(p).startsWith("_results")).map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".xai-cam-tmp-") || name.endsWith(".crc"));
    }
  }

  /** Failed task attempts in the jobs of {@code group}, once Spark's status store has caught up. */
  private static int failedTasks(String group) throws InterruptedException {
    int failed = 0;
    // The status store is fed asynchronously by the listener bus: wait until the failure shows.
    for (int tries = 0; tries < 100 && failed == 0; tries++) {
      failed = 0;
      for (int job : spark.sparkContext().statusTracker().getJobIdsForGroup(group)) {
        SparkJobInfo info = spark.sparkContext().statusTracker().getJobInfo(job).get();
        for (int stage : info.stageIds()) {
          scala.Option<SparkStageInfo> stageInfo = spark.sparkContext().statusTracker().getStageInfo(stage);
          failed += stageInfo.isDefined() ? stageInfo.get().numFailedTasks() : 0;
        }
      }
      if (failed == 0) {
        Thread.sleep(100);
      }
    }
    return failed;
  }

  @Test
  void aRerunWithSkipExistingExplainsNothingAgain() throws IOException {
    Path out = dir.resolve("resumed");
    job(out);
    Map<String, FileTime> written = new HashMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path file : walk.filter(Files::isRegularFile).filter(f -> !out.relativize(f).startsWith("_results")).toList()) {
        written.put(out.relativize(file).toString(), Files.getLastModifiedTime(file));
      }
    }

    JobSummary again = job(out, "--skip-existing");

    assertThat(again).extracting(JobSummary::ok, JobSummary::skipped, JobSummary::failed)
        .containsExactly(0L, 12L, 4L);
    assertSameFilesAsTheCommandLine(out);
    written.forEach((name, time) -> assertThat(modified(out.resolve(name))).as(name).isEqualTo(time));
    List<JsonNode> rows = jsonRows(out.resolve("_results"));
    assertThat(rows).hasSize(IMAGES * 2);
    assertThat(rows.stream().filter(r -> r.get("status").asText().equals("skipped"))).hasSize(12 * 2);
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void wrongOptionsAndAMissingInputAreUsageErrors() {
    assertThatThrownBy(() -> ExplainJob.run(spark, "--input", in.toString(), "--output", "x", "-m", "gradcan"))
        .isInstanceOfSatisfying(XaiCamException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    assertThatThrownBy(() -> ExplainJob.run(spark, "--output", "x"))
        .isInstanceOfSatisfying(XaiCamException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageContaining("--input");
    assertThatThrownBy(() -> ExplainJob.run(spark, "--input", dir.resolve("nowhere").toString(), "--output",
        dir.resolve("x").toString(), "--model", "demo"))
        .isInstanceOfSatisfying(XaiCamException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageContaining("nowhere");
  }
}
