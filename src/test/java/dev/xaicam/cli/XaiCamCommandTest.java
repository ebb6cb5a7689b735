package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xaicam.models.TinyModels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end on a tiny VGG16-shaped model and the sample photos. */
@Tag("native")
class XaiCamCommandTest {
  private static final Path CAT = Path.of("samples/cat_chelsea.png");
  private static final Path ROCKET = Path.of("samples/rocket.jpg");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  static Path weights;
  @TempDir Path dir;

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  @BeforeAll
  static void writeWeights() {
    weights = TinyModels.writeWeights(shared.resolve("tiny.h5"), 3);
  }

  private Run run(String... args) {
    return runWithInput(null, args);
  }

  private Run runWithInput(String stdin, String... args) {
    return runWithBytes(stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  private Run runWithBytes(byte[] stdin, String... args) {
    CommandLine cli = CommandTree.commandLine(TinyModels.catalog());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("--model", TinyModels.NAME, "--weights", weights.toString(), "-q"));
    all.addAll(List.of(args));
    InputStream original = System.in;
    try {
      if (stdin != null) {
        System.setIn(new ByteArrayInputStream(stdin));
      }
      int code = cli.execute(all.toArray(String[]::new));
      return new Run(code, out.toString(), err.toString());
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void writesTheOverlayAtOriginalSizeAndTheNpyWithDocumentedNamesAndShape() throws IOException {
    Path out = dir.resolve("out");
    Run run = run("--npy", "-o", out.toString(), CAT.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path png = out.resolve("cat_chelsea.gradcam.png");
    Path npy = out.resolve("cat_chelsea.gradcam.npy");
    BufferedImage overlay = ImageIO.read(png.toFile());
    BufferedImage original = ImageIO.read(CAT.toFile());
    assertThat(overlay.getWidth()).isEqualTo(original.getWidth());
    assertThat(overlay.getHeight()).isEqualTo(original.getHeight());
    byte[] bytes = Files.readAllBytes(npy);
    int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertThat(header).contains("'shape': (32, 32)").contains("'descr': '<f4'");
    ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 32 * 32 * 4).order(ByteOrder.LITTLE_ENDIAN);
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (int i = 0; i < 32 * 32; i++) {
      float v = data.getFloat();
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isGreaterThanOrEqualTo(0f);
    assertThat(max).isLessThanOrEqualTo(1f).isGreaterThan(0.99f);
    assertThat(run.out()).isEmpty(); // -q
  }

  @Test
  void everyMethodWritesANormalisedMapUnderItsOwnNameInTheOrderGiven() throws IOException {
    Path out = dir.resolve("out");
    List<String> methods = List.of("layercam", "gradcam", "gradcam++", "scorecam", "faster-scorecam");
    Run run = run("-m", String.join(",", methods) + ",gradcam", "--max-n", "4", "--batch-size", "5", "--npy",
        "--json", "-o", out.toString(), CAT.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode heatmaps = JSON.readTree(run.out()).get("heatmaps");
    assertThat(heatmaps).hasSize(methods.size()); // the repeated gradcam runs once
    for (int m = 0; m < methods.size(); m++) {
      String method = methods.get(m);
      assertThat(heatmaps.get(m).get("method").asText()).isEqualTo(method);
      assertThat(heatmaps.get(m).get("png").asText()).isEqualTo(out.resolve("cat_chelsea." + method + ".png").toString());
      float[] map = npyValues(out.resolve("cat_chelsea." + method + ".npy"));
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (float v : map) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      assertThat(min).as(method).isGreaterThanOrEqualTo(0);
      assertThat(max).as(method).isLessThanOrEqualTo(1).isGreaterThan(0.99);
    }
  }

  @Test
  void badInputsGiveOneLineEachAndTheOtherImagesStillRun() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path missing = in.resolve("missing.jpg");
    Path truncated = Files.copy(Path.of("src/test/resources/truncated.jpg"), in.resolve("truncated.jpg"));
    Path empty = Files.createFile(in.resolve("empty.png"));
    Path text = Files.writeString(in.resolve("notes.png"), "this is not a picture\n");
    Path out = dir.resolve("out");

    Run run = run("-o", out.toString(), missing.toString(), truncated.toString(), CAT.toString(),
        empty.toString(), text.toString(), ROCKET.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    List<String> ours = run.errLines().stream().filter(l -> l.startsWith("xai-cam: ")).toList();
    assertThat(ours).hasSize(4);
    assertThat(ours.get(0)).contains(missing.toString()).contains("no such file");
    assertThat(ours.get(1)).contains(truncated.toString()).contains("truncated");
    assertThat(ours.get(2)).contains(empty.toString()).contains("empty");
    assertThat(ours.get(3)).contains(text.toString()).contains("not an image");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("cat_chelsea.gradcam.png", "rocket.gradcam.png");
    }
  }

  @Test
  void jsonReportCarriesPredictionsTargetsAndFiles() throws IOException {
    Path out = dir.resolve("out");
    Run run = run("--json", "-c", "3", "-o", out.toString(), CAT.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("input").asText()).isEqualTo(CAT.toString());
    assertThat(report.get("status").asText()).isEqualTo("ok");
    assertThat(report.get("layer").asText()).isEqualTo("block5_conv3");
    assertThat(report.get("top5")).hasSize(5);
    double previous = 1;
    for (JsonNode c : report.get("top5")) {
      assertThat(c.get("probability").asDouble()).isLessThanOrEqualTo(previous);
      previous = c.get("probability").asDouble();
    }
    JsonNode heatmap = report.get("heatmaps").get(0);
    assertThat(heatmap.get("method").asText()).isEqualTo("gradcam");
    assertThat(heatmap.get("target").get("index").asInt()).isEqualTo(3);
    assertThat(heatmap.get("target").get("name").asText()).isEqualTo("class3");
    assertThat(Path.of(heatmap.get("png").asText())).isRegularFile();
    assertThat(report.get("milliseconds").asLong()).isNotNegative();
  }

  @Test
  void severalTargetsPutTheClassIntoTheFileNames() {
    Path out = dir.resolve("out");
    Run run = run("-c", "2", "-c", "class five", "-o", out.toString(), CAT.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("cat_chelsea.gradcam.2.png")).isRegularFile();
    assertThat(out.resolve("cat_chelsea.gradcam.5.png")).isRegularFile();
  }

  @Test
  void topKExplainsTheKMostProbableClasses() throws IOException {
    Path out = dir.resolve("out");
    Run run = run("--top-k", "3", "--json", "-o", out.toString(), CAT.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    for (int k = 0; k < 3; k++) {
      int index = report.get("top5").get(k).get("index").asInt();
      assertThat(report.get("heatmaps").get(k).get("target").get("index").asInt()).isEqualTo(index);
      assertThat(out.resolve("cat_chelsea.gradcam." + index + ".png")).isRegularFile();
    }
  }

  @Test
  void aFolderRunMirrorsTheTreeSkipsNonImagesAndSurvivesALinkLoop() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("a/b"));
    Files.createDirectories(in.resolve("c"));
    Files.copy(CAT, in.resolve("a/b/dog.png"));
    Files.copy(CAT, in.resolve("c/dog.png"));
    Files.copy(ROCKET, in.resolve("c/dog.jpg"));
    Files.writeString(in.resolve("c/readme.txt"), "not an image");
    Files.copy(CAT, in.resolve(".hidden.png"));
    Files.createSymbolicLink(in.resolve("a/b/loop"), in.resolve("a"));
    Path out = dir.resolve("out");

    Run run = run("-r", "--json", "-o", out.toString(), in.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("a/b/dog.gradcam.png")).isRegularFile();
    assertThat(out.resolve("c/dog.png.gradcam.png")).isRegularFile();
    assertThat(out.resolve("c/dog.jpg.gradcam.png")).isRegularFile();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(4);
    for (String line : lines) {
      assertThat(JSON.readTree(line).isObject()).isTrue();
    }
    JsonNode summary = JSON.readTree(lines.get(3));
    assertThat(summary.get("ok").asInt()).isEqualTo(3);
    assertThat(summary.get("failed").asInt()).isZero();
    assertThat(run.err()).contains("loop");
  }

  @Test
  void pathsOnStandardInputAreExplainedAndSkipExistingResumes() {
    Path out = dir.resolve("out");
    String list = CAT + "\n" + ROCKET + "\n";

    Run first = runWithInput(list, "-o", out.toString(), "-");
    Run second = runWithInput(list, "--json", "--skip-existing", "-o", out.toString(), "-");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(out.resolve("cat_chelsea.gradcam.png")).isRegularFile();
    assertThat(out.resolve("rocket.gradcam.png")).isRegularFile();
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("\"status\":\"skipped\"").contains("\"skipped\":2");
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    Run unknownMethod = run("-m", "gradcamm", CAT.toString());
    Run unknownLayer = run("-l", "block5_conv4", CAT.toString());
    Run badAlpha = run("--alpha", "2", CAT.toString());
    Run noImages = run();
    Run outputIsAFile = run("-o", CAT.toString(), CAT.toString());
    Run noThreads = run("--threads", "0", CAT.toString());

    assertThat(unknownMethod.exitCode()).isEqualTo(2);
    assertThat(unknownMethod.err()).contains("unknown method 'gradcamm'").contains("gradcam++");
    assertThat(unknownLayer.exitCode()).isEqualTo(2);
    assertThat(unknownLayer.err()).contains("did you mean").contains("'block5_conv3'");
    assertThat(badAlpha.exitCode()).isEqualTo(2);
    assertThat(badAlpha.err()).contains("--alpha");
    assertThat(noImages.exitCode()).isEqualTo(2);
    assertThat(outputIsAFile.exitCode()).isEqualTo(2);
    assertThat(outputIsAFile.err()).contains("is a file");
    assertThat(noThreads.exitCode()).isEqualTo(2);
    assertThat(noThreads.err()).contains("--threads must be between 1 and").contains("got 0");
    for (Run r : List.of(unknownMethod, unknownLayer, badAlpha, noImages, outputIsAFile, noThreads)) {
      assertThat(r.errLines()).hasSize(1);
    }
  }

  @Test
  void failFastStopsAtTheFirstFailedImage() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.png"));
    Path out = dir.resolve("out");

    Run run = run("--fail-fast", "--batch-size", "1", "-o", out.toString(), empty.toString(), CAT.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(out.resolve("cat_chelsea.gradcam.png")).doesNotExist();
  }

  @Test
  void theReportFileHoldsOneJsonObjectPerImageAndASummary() throws IOException {
    Path report = dir.resolve("report.jsonl");
    Path missing = dir.resolve("missing.png");

    Run run = run("-o", dir.resolve("out").toString(), "--report", report.toString(), CAT.toString(),
        missing.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    List<String> lines = Files.readAllLines(report);
    assertThat(lines).hasSize(3);
    assertThat(JSON.readTree(lines.get(0)).get("status").asText()).isEqualTo("ok");
    JsonNode failed = JSON.readTree(lines.get(1));
    assertThat(failed.get("status").asText()).isEqualTo("error");
    assertThat(failed.get("error").asText()).contains(missing.toString());
    JsonNode summary = JSON.readTree(lines.get(2));
    assertThat(summary.get("ok").asInt()).isEqualTo(1);
    assertThat(summary.get("failed").asInt()).isEqualTo(1);
    assertThat(summary.get("total").asInt()).isEqualTo(2);
  }

  @Test
  void float64GivesTheSameMapWithoutFloat32RoundOff() throws IOException {
    Path out32 = dir.resolve("out32");
    Path out64 = dir.resolve("out64");

    Run single = run("--npy", "-m", "gradcam,layercam", "-o", out32.toString(), CAT.toString());
    Run dbl = run("--npy", "--float64", "-m", "gradcam,layercam", "-o", out64.toString(), CAT.toString());

    assertThat(single.exitCode()).as(single.err()).isZero();
    assertThat(dbl.exitCode()).as(dbl.err()).isZero();
    for (String method : List.of("gradcam", "layercam")) {
      float[] a = npyValues(out32.resolve("cat_chelsea." + method + ".npy"));
      float[] b = npyValues(out64.resolve("cat_chelsea." + method + ".npy"));
      double largest = 0;
      for (int i = 0; i < a.length; i++) {
        largest = Math.max(largest, Math.abs(a[i] - b[i]));
      }
      assertThat(largest).as(method).isLessThan(1e-3);
    }
  }

  @Test
  void fromFileMontageAndPixelLimitWorkFromTheCommandLine() throws IOException {
    Path list = Files.writeString(dir.resolve("list.txt"), CAT + "\n" + ROCKET + "\n");
    Path montage = dir.resolve("figure.png");
    Path out = dir.resolve("out");

    Run listed = run("--from-file", list.toString(), "-m", "gradcam,layercam", "--montage", montage.toString(),
        "-o", out.toString());
    Run limited = run("--max-pixels", "1000", "-o", dir.resolve("out2").toString(), CAT.toString());

    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(out.resolve("rocket.layercam.png")).isRegularFile();
    BufferedImage figure = ImageIO.read(montage.toFile());
    assertThat(figure.getWidth()).isGreaterThan(figure.getHeight()); // 2 rows of 3 tiles
    assertThat(limited.exitCode()).isEqualTo(1);
    assertThat(limited.err()).contains(CAT.toString()).contains("limit (--max-pixels)");
  }

  @Test
  void verbosePrintsTheStackTraceBehindTheOneLine() {
    Path missing = dir.resolve("missing.h5");
    CommandLine cli = CommandTree.commandLine(TinyModels.catalog());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));

    int quietCode = cli.execute("--model", TinyModels.NAME, "--weights", missing.toString(), CAT.toString());
    String quietErr = err.toString();
    err.getBuffer().setLength(0);
    int verboseCode = cli.execute("-v", "--model", TinyModels.NAME, "--weights", missing.toString(), CAT.toString());

    assertThat(quietCode).isEqualTo(2);
    assertThat(quietErr.lines().toList()).hasSize(1);
    assertThat(quietErr).contains(missing.toString());
    assertThat(verboseCode).isEqualTo(2);
    assertThat(err.toString()).contains("\tat dev.xaicam.").contains("xai-cam: --weights " + missing);
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void outOfRangeNumbersAreUsageErrorsAtOnceNamingTheRange() {
    Run hugeBatch = run("--batch-size", "1073741824", CAT.toString());
    Run manyThreads = run("--threads", "100000", CAT.toString());
    Run hugePixelLimit = run("--max-pixels", "1000000000000", CAT.toString());
    Run topKAboveClasses = run("--top-k", "11", CAT.toString());
    Run maxNWithoutFasterScoreCam = run("--max-n", "5", "-m", "gradcam", CAT.toString());

    assertThat(hugeBatch.err()).contains("--batch-size must be between 1 and 256, got 1073741824");
    assertThat(manyThreads.err()).contains("--threads must be between 1 and").contains("got 100000");
    assertThat(hugePixelLimit.err()).contains("--max-pixels must be between 1 and 715827879, got 1000000000000");
    assertThat(topKAboveClasses.err()).contains("--top-k must be between 1 and 10").contains("got 11");
    assertThat(maxNWithoutFasterScoreCam.err()).contains("--max-n").contains("faster-scorecam");
    for (Run r : List.of(hugeBatch, manyThreads, hugePixelLimit, topKAboveClasses, maxNWithoutFasterScoreCam)) {
      assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
      assertThat(r.errLines()).hasSize(1);
    }
  }

  @Test
  void anOutputThatCannotBeWrittenIsThatImagesErrorAndTheRunGoesOn() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("cat_chelsea.gradcam.png/blocker"));
    Path report = dir.resolve("report.jsonl");

    Run run = run("--report", report.toString(), "-o", out.toString(), CAT.toString(), ROCKET.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0)).contains(CAT.toString()).contains("cannot write");
    assertThat(out.resolve("rocket.gradcam.png")).isRegularFile();
    List<String> rows = Files.readAllLines(report);
    assertThat(rows).hasSize(3);
    assertThat(JSON.readTree(rows.get(0)).get("status").asText()).isEqualTo("error");
    assertThat(JSON.readTree(rows.get(1)).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void reportAndMontageDestinationsAreCheckedBeforeAnyWork() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("a-folder"));
    Path out = dir.resolve("out");

    Run report = run("--report", folder.toString(), "-o", out.toString(), CAT.toString());
    Run montage = run("--montage", folder.toString(), "-o", out.toString(), CAT.toString());

    for (Run r : List.of(report, montage)) {
      assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.err()).contains(folder.toString()).contains("is a folder");
    }
    assertThat(report.err()).contains("--report");
    assertThat(montage.err()).contains("--montage");
    assertThat(out).doesNotExist();
  }

  @Test
  void theOutputFolderInsideTheInputFolderIsNeverReadBack() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(CAT, in.resolve("a.png"));
    Path out = in.resolve("out");

    Run first = run("-r", "-o", out.toString(), in.toString());
    Run second = run("-r", "--json", "-o", out.toString(), in.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out().lines()).hasSize(1);
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()))
          .containsExactly("a.gradcam.png");
    }
  }

  @Test
  void aFolderWhoseListingFailsIsAnErrorLineNamingItAndTheWalkGoesOn() throws IOException {
    Path unlistable = Path.of("/proc/1/map_files");
    org.junit.jupiter.api.Assumptions.assumeTrue(listingFails(unlistable), "needs a folder whose listing fails");
    Path in = Files.createDirectories(dir.resolve("in"));
    for (String name : List.of("a", "b", "c", "x", "y", "z")) {
      Files.copy(ROCKET, in.resolve(name + ".jpg"));
    }
    Files.createSymbolicLink(in.resolve("m"), unlistable);

    Run run = run("-r", "--json", "-o", dir.resolve("out").toString(), in.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0)).contains(in.resolve("m").toString()).contains("cannot list");
    JsonNode summary = JSON.readTree(run.out().lines().reduce((a, b) -> b).orElseThrow());
    assertThat(summary.get("ok").asInt()).isEqualTo(6);
    assertThat(summary.get("failed").asInt()).isEqualTo(1);
  }

  private static boolean listingFails(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      entries.count();
      return false;
    } catch (IOException | java.io.UncheckedIOException e) {
      return true;
    }
  }

  @Test
  void aNewlineInAFileNameNeverSplitsItsLineAndUndecodableNameBytesStayInTheReport() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path newline = Files.writeString(in.resolve("two\nlines.png"), "not a picture");
    // Java cannot name a file with bytes that are not UTF-8; the shell can.
    Process cp = new ProcessBuilder("sh", "-c", "cp \"$0\" \"$1/bad$(printf '\\377')name.png\"",
        CAT.toAbsolutePath().toString(), in.toString()).inheritIO().start();
    assertThat(cp.waitFor()).isZero();
    Path report = dir.resolve("report.jsonl");

    Run run = run("-r", "--json", "--report", report.toString(), "-o", dir.resolve("out").toString(), in.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0)).contains("two\\nlines.png").contains("not an image");
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(report)) {
      rows.add(JSON.readTree(line));
    }
    JsonNode bad = rows.stream().filter(r -> r.path("input").asText().contains("name.png")).findFirst().orElseThrow();
    assertThat(bad.get("status").asText()).isEqualTo("ok");
    String uri = bad.get("input_uri").asText();
    assertThat(uri).endsWith("/bad%FFname.png");
    assertThat(Path.of(java.net.URI.create(uri))).isRegularFile();
    JsonNode text = rows.stream().filter(r -> r.path("input").asText().contains("lines.png")).findFirst().orElseThrow();
    assertThat(text.get("input").asText()).endsWith("two\nlines.png");
    assertThat(text.has("input_uri")).isFalse();
  }

  @Test
  void weightsHoldingNaNAreRefusedAtLoadNamingTheLayer() {
    dev.xaicam.network.ModelWeights good = dev.xaicam.architectures.GlorotWeights.of(
        dev.xaicam.network.ModelGraph.of(TinyModels.spec()), 3);
    java.util.Map<String, List<dev.xaicam.network.WeightArray>> layers = new java.util.LinkedHashMap<>(good.byLayer());
    dev.xaicam.network.WeightArray kernel = layers.get("block3_conv2").get(0);
    float[] values = kernel.values().clone();
    values[7] = Float.NaN;
    layers.put("block3_conv2", List.of(new dev.xaicam.network.WeightArray(kernel.shape(), values),
        layers.get("block3_conv2").get(1)));
    Path nan = dir.resolve("nan.h5");
    dev.xaicam.keras.KerasWeightsWriter.write(nan, new dev.xaicam.network.ModelWeights(layers),
        dev.xaicam.keras.KerasWeightsWriter.Layout.LEGACY);

    Run run = runWithWeights(nan, "-o", dir.resolve("out").toString(), CAT.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("block3_conv2").contains("NaN");
  }

  @Test
  void aNaNThatArisesAtRunTimeIsThatImagesErrorNeverAProbability() throws IOException {
    dev.xaicam.network.ModelWeights good = dev.xaicam.architectures.GlorotWeights.of(
        dev.xaicam.network.ModelGraph.of(TinyModels.spec()), 3);
    java.util.Map<String, List<dev.xaicam.network.WeightArray>> layers = new java.util.LinkedHashMap<>();
    good.byLayer().forEach((name, arrays) -> layers.put(name, arrays.stream().map(a -> {
      float[] v = a.values().clone();
      for (int i = 0; i < v.length; i++) {
        v[i] *= 1e12f; // finite weights whose products overflow float32
      }
      return new dev.xaicam.network.WeightArray(a.shape(), v);
    }).toList()));
    Path huge = dir.resolve("huge.h5");
    dev.xaicam.keras.KerasWeightsWriter.write(huge, new dev.xaicam.network.ModelWeights(layers),
        dev.xaicam.keras.KerasWeightsWriter.Layout.LEGACY);

    Run run = runWithWeights(huge, "--json", "-o", dir.resolve("out").toString(), CAT.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains(CAT.toString()).contains("not finite");
    assertThat(run.out()).doesNotContain("\"NaN\"").doesNotContain("top5");
    assertThat(JSON.readTree(run.out().lines().findFirst().orElseThrow()).get("status").asText()).isEqualTo("error");
  }

  @Test
  void failFastStopsInsideABatchWithoutExplainingTheImagesAfterTheFailure() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.png"));
    Path out = dir.resolve("out");

    Run run = run("--fail-fast", "--json", "-o", out.toString(), CAT.toString(), empty.toString(), ROCKET.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(out.resolve("cat_chelsea.gradcam.png")).isRegularFile();
    assertThat(out.resolve("rocket.gradcam.png")).doesNotExist();
    assertThat(run.out().lines().filter(l -> l.contains("\"input\"")).count()).isEqualTo(2);
  }

  @Test
  void aResumedRunAppendsToTheReportFile() throws IOException {
    Path report = dir.resolve("report.jsonl");
    Path out = dir.resolve("out");

    run("-o", out.toString(), "--report", report.toString(), CAT.toString(), ROCKET.toString());
    Run resumed = run("--skip-existing", "-o", out.toString(), "--report", report.toString(), CAT.toString(),
        ROCKET.toString());

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    List<String> lines = Files.readAllLines(report);
    assertThat(lines).hasSize(6);
    assertThat(JSON.readTree(lines.get(0)).get("status").asText()).isEqualTo("ok");
    assertThat(JSON.readTree(lines.get(3)).get("status").asText()).isEqualTo("skipped");
    assertThat(JSON.readTree(lines.get(5)).get("skipped").asInt()).isEqualTo(2);
  }

  @Test
  void colormapChangesTheOverlayAndJetIsTheDefault() throws IOException {
    Run byDefault = run("-o", dir.resolve("default").toString(), CAT.toString());
    Run jet = run("--colormap", "jet", "-o", dir.resolve("jet").toString(), CAT.toString());
    Run viridis = run("--colormap", "VIRIDIS", "-o", dir.resolve("viridis").toString(), CAT.toString());
    Run unknown = run("--colormap", "rainbow", CAT.toString());

    assertThat(byDefault.exitCode()).isZero();
    assertThat(viridis.exitCode()).as(viridis.err()).isZero();
    byte[] defaultPng = Files.readAllBytes(dir.resolve("default/cat_chelsea.gradcam.png"));
    assertThat(Files.readAllBytes(dir.resolve("jet/cat_chelsea.gradcam.png"))).isEqualTo(defaultPng);
    assertThat(Files.readAllBytes(dir.resolve("viridis/cat_chelsea.gradcam.png"))).isNotEqualTo(defaultPng);
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--colormap").contains("viridis");
  }

  @Test
  void rawWritesTheLayerResolutionMapWhoseNormalisationIsTheHeatmap() throws IOException {
    Path out = dir.resolve("out");

    Run run = run("--raw", "--npy", "-o", out.toString(), CAT.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    byte[] bytes = Files.readAllBytes(out.resolve("cat_chelsea.gradcam.raw.npy"));
    int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    // block5_conv3 of a 32x32 input sits below four 2x2 poolings: 2x2.
    assertThat(header).contains("'descr': '<f8'").contains("'shape': (2, 2)");
    double[] raw = new double[4];
    ByteBuffer.wrap(bytes, 10 + headerLength, 32).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(raw);
    double min = Double.MAX_VALUE;
    double max = 0;
    for (double v : raw) {
      min = Math.min(min, Math.max(v, 0));
      max = Math.max(max, Math.max(v, 0));
    }
    // Corner-aligned upsampling keeps the four values at the heatmap's corners; min-max does the rest.
    float[] heatmap = npyValues(out.resolve("cat_chelsea.gradcam.npy"));
    int[] corners = {0, 31, 32 * 31, 32 * 32 - 1};
    for (int i = 0; i < 4; i++) {
      double expected = max - min < 1e-7 ? 0 : (Math.max(raw[i], 0) - min) / (max - min + 1e-7);
      assertThat((double) heatmap[corners[i]]).as("corner " + i).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void htmlGalleryHasARowPerImageAndRelativeLinksToFilesThatExist() throws IOException {
    Path page = dir.resolve("site/index.html");
    Path out = dir.resolve("site/out");

    Run run = run("-m", "gradcam,layercam", "--html", page.toString(), "-o", out.toString(), CAT.toString(),
        ROCKET.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String html = Files.readString(page);
    assertThat(html.split("<tr data-cls=", -1)).hasSize(3);
    assertThat(html).doesNotContain("http://").doesNotContain("https://");
    List<String> links = new ArrayList<>();
    java.util.regex.Matcher href = java.util.regex.Pattern.compile("href=\"([^\"]+)\"").matcher(html);
    while (href.find()) {
      links.add(href.group(1));
    }
    assertThat(links).hasSize(6).contains("out/cat_chelsea.layercam.png");
    for (String link : links) {
      assertThat(Path.of(link)).isRelative();
      assertThat(page.getParent().resolve(java.net.URI.create(link).getPath())).isRegularFile();
    }
    try (Stream<Path> left = Files.list(page.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".xai-cam-tmp"));
    }
  }

  @Test
  void montageTilesKeepTheAspectOfALandscapeAndAPortraitImage() throws IOException {
    // Black pictures of one name: the same network input and titles, only the aspect differs.
    Path landscape = Files.createDirectories(dir.resolve("landscape")).resolve("pic.png");
    Path portrait = Files.createDirectories(dir.resolve("portrait")).resolve("pic.png");
    ImageIO.write(new BufferedImage(240, 120, BufferedImage.TYPE_3BYTE_BGR), "png", landscape.toFile());
    ImageIO.write(new BufferedImage(120, 240, BufferedImage.TYPE_3BYTE_BGR), "png", portrait.toFile());

    Run wide = run("--montage", dir.resolve("wide.png").toString(), "-o", dir.resolve("o1").toString(),
        landscape.toString());
    Run tall = run("--montage", dir.resolve("tall.png").toString(), "-o", dir.resolve("o2").toString(),
        portrait.toString());

    assertThat(wide.exitCode()).as(wide.err()).isZero();
    assertThat(tall.exitCode()).as(tall.err()).isZero();
    BufferedImage wideFigure = ImageIO.read(dir.resolve("wide.png").toFile());
    BufferedImage tallFigure = ImageIO.read(dir.resolve("tall.png").toFile());
    // Same columns, so the same width; a tile fits the image's longer edge, so the portrait row
    // is twice as tall as the landscape one (256 against 128 pixels of picture).
    assertThat(wideFigure.getWidth()).isEqualTo(tallFigure.getWidth());
    assertThat(tallFigure.getHeight() - wideFigure.getHeight()).isEqualTo(128);
  }

  @Test
  void imageBytesOnStandardInputGetOneLine() throws IOException {
    Run run = runWithBytes(Files.readAllBytes(CAT), "-o", dir.resolve("out").toString(), "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("standard input holds binary data").contains("not a list of paths");
  }

  @Test
  void noImagesFoundSuggestsRecursionAndCountsWhatTheGlobsLeftOut() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.createDirectories(in.resolve("sub"));
    Files.copy(CAT, in.resolve("sub/cat.png"));
    Path flat = Files.createDirectories(dir.resolve("flat"));
    Files.copy(CAT, flat.resolve("a.png"));
    Files.copy(ROCKET, flat.resolve("b.jpg"));

    Run nested = run("-o", dir.resolve("out").toString(), in.toString());
    Run filtered = run("--include", "*.bmp", "-o", dir.resolve("out").toString(), flat.toString());

    assertThat(nested.exitCode()).isEqualTo(2);
    assertThat(nested.err()).contains("no images found").contains("add -r");
    assertThat(filtered.exitCode()).isEqualTo(2);
    assertThat(filtered.err()).contains("2 images left out by --include/--exclude").doesNotContain("-r to");
  }

  @Test
  void randomWeightsWritesAFileTheModelLoadsAndTheSameSeedWritesTheSameWeights() throws IOException {
    Path first = dir.resolve("r1.h5");
    Path second = dir.resolve("r2.h5");

    Run made = run("random-weights", "--model", TinyModels.NAME, "--seed", "5", first.toString());
    run("random-weights", "--model", TinyModels.NAME, "--seed", "5", second.toString());
    Run used = runWithWeights(first, "--npy", "-o", dir.resolve("a").toString(), CAT.toString());
    Run again = runWithWeights(second, "--npy", "-o", dir.resolve("b").toString(), CAT.toString());

    assertThat(made.exitCode()).as(made.err()).isZero();
    assertThat(made.out()).contains("wrote random " + TinyModels.NAME + " weights (seed 5)");
    assertThat(used.exitCode()).as(used.err()).isZero();
    assertThat(again.exitCode()).isZero();
    assertThat(npyValues(dir.resolve("a/cat_chelsea.gradcam.npy")))
        .isEqualTo(npyValues(dir.resolve("b/cat_chelsea.gradcam.npy")));
  }

  @Test
  void aBatchRunLoggedToAFileSaysWhatItLoadsThenItsTotals() {
    CommandLine cli = CommandTree.commandLine(TinyModels.catalog());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("--model", TinyModels.NAME, "--weights", weights.toString(), "-o",
        dir.resolve("out").toString(), CAT.toString(), ROCKET.toString());

    assertThat(code).as(err.toString()).isZero();
    // Standard error is not a terminal here: the loading line, no bar (the log lines go to the
    // process's own stderr, where progress is drawn), the totals.
    List<String> lines = err.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("xai-cam: loading " + TinyModels.NAME + " weights...");
    assertThat(lines.get(lines.size() - 1)).startsWith("xai-cam: 2 explained, 0 skipped, 0 failed in ");
    assertThat(out.toString().lines().toList()).hasSize(2)
        .allSatisfy(line -> assertThat(line).contains(" p=").contains(" -> ").endsWith(" ms)"));
  }

  @Test
  void helpIsASubcommandAndTheCompletionScriptAndExamplesFitEightyColumns() {
    Run help = run("help");
    Run completion = run("generate-completion");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: xai-cam").contains("XAI_CAM_HOME");
    assertThat(completion.exitCode()).isZero();
    assertThat(completion.out()).contains("complete -F").contains("--colormap");
    // As written, not as picocli wraps them: a line cut by the wrapping would read badly.
    String[] footer = CommandTree.commandLine(TinyModels.catalog()).getCommandSpec().usageMessage().footer();
    assertThat(footer).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
  }

  private Run runWithWeights(Path weightFile, String... args) {
    CommandLine cli = CommandTree.commandLine(TinyModels.catalog());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("--model", TinyModels.NAME, "--weights", weightFile.toString(), "-q"));
    all.addAll(List.of(args));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static float[] npyValues(Path npy) throws IOException {
    byte[] bytes = Files.readAllBytes(npy);
    int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    int n = (bytes.length - 10 - headerLength) / 4;
    float[] values = new float[n];
    ByteBuffer.wrap(bytes, 10 + headerLength, 4 * n).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  /** A run with exactly these arguments (no tiny model prepended). */
  private Run runRaw(String... args) {
    CommandLine cli = CommandTree.commandLine(TinyModels.catalog());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void explainsAGreyScaleSigmoidModelFileWithItsLabels() throws IOException {
    Path model = dev.xaicam.keras.TestModelFiles.greySigmoid(dir.resolve("cnn.h5"));
    Path labels = Files.writeString(dir.resolve("labels.txt"), "0 dog\n1 cat\n");
    Path out = dir.resolve("out");

    Run run = runRaw("--model", model.toString(), "--preprocess", "scale", "--labels",
        labels.toString(), "-c", "cat", "--npy", "--json", "-q", "-o", out.toString(), CAT.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode report =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(report.get("layer").asText()).isEqualTo("conv2d");
    assertThat(report.get("heatmaps").get(0).get("target").get("name").asText()).isEqualTo("cat");
    double p0 = report.get("top5").get(0).get("probability").asDouble();
    double p1 = report.get("top5").get(1).get("probability").asDouble();
    assertThat(p0 + p1).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    // the map is at the model's input size: 8 x 8
    assertThat(Files.size(out.resolve("cat_chelsea.gradcam.npy"))).isEqualTo(128 + 8 * 8 * 4);
  }

  @Test
  void aNestedModelsInnerLayerIsTheDefaultTargetAndCanBeNamedShortOrByPath() throws IOException {
    Path model = dev.xaicam.keras.TestModelFiles.teachableMachine(dir.resolve("keras_model.h5"));

    Run byDefault = runRaw("--model", model.toString(), "--preprocess", "tf", "--json", "-q",
        "-o", dir.resolve("a").toString(), CAT.toString());
    Run byShortName = runRaw("--model", model.toString(), "--preprocess", "tf", "-l", "bn_Conv1",
        "--json", "-q", "-o", dir.resolve("b").toString(), CAT.toString());
    Run byPath = runRaw("--model", model.toString(), "--preprocess", "tf", "-l", "model1/Conv2",
        "--json", "-q", "-o", dir.resolve("c").toString(), CAT.toString());

    assertThat(byDefault.out()).contains("\"layer\":\"sequential_1/model1/out_relu\"");
    assertThat(byShortName.out()).contains("\"layer\":\"sequential_1/model1/bn_Conv1\"");
    assertThat(byPath.out()).contains("\"layer\":\"sequential_1/model1/Conv2\"");
  }

  @Test
  void aModelFileThatDoesNotRescaleItsInputNeedsPreprocess() {
    Path model = dev.xaicam.keras.TestModelFiles.greySigmoid(dir.resolve("cnn.h5"));

    Run run = runRaw("--model", model.toString(), "-o", dir.resolve("out").toString(), CAT.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().satisfies(l -> assertThat(l)
        .startsWith("xai-cam: --preprocess is needed for " + model).contains("scale = x/255"));
  }

  @Test
  void unusableModelFilesAreOneLineExitThreeAndWriteNothing() throws IOException {
    Path lambda = dev.xaicam.keras.TestModelFiles.withLambda(dir.resolve("lambda.h5"));
    Path mismatch = dev.xaicam.keras.TestModelFiles.mismatchedKernel(dir.resolve("mismatch.h5"));
    Path weightsOnly = TinyModels.writeWeights(dir.resolve("weights_only.h5"), 1);
    byte[] whole = Files.readAllBytes(dev.xaicam.keras.TestModelFiles.greySigmoid(dir.resolve("full.h5")));
    Path truncated = Files.write(dir.resolve("cut.h5"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Path notKeras = CAT;
    Map<Path, String> expected = new java.util.LinkedHashMap<>();
    expected.put(lambda, "layer 'flatten' is a Lambda, which xai-cam cannot run; supported layer classes:");
    expected.put(mismatch, "conv2d");
    expected.put(weightsOnly, "holds weights only, no architecture");
    expected.put(truncated, "cut.h5");
    expected.put(notKeras, "cat_chelsea.png");
    for (Map.Entry<Path, String> e : expected.entrySet()) {
      Path out = dir.resolve("out-" + e.getKey().getFileName());
      Run run = runRaw("--model", e.getKey().toString(), "--preprocess", "scale", "-o",
          out.toString(), CAT.toString());
      assertThat(run.exitCode()).as(e.getKey() + ": " + run.err()).isEqualTo(3);
      assertThat(run.errLines()).as(e.getKey().toString()).singleElement()
          .satisfies(l -> assertThat(l).startsWith("xai-cam: ").contains(e.getValue()));
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void aLabelsFileOfTheWrongLengthIsAUsageError() throws IOException {
    Path model = dev.xaicam.keras.TestModelFiles.greySigmoid(dir.resolve("cnn.h5"));
    Path labels = Files.writeString(dir.resolve("labels.json"), "[\"a\", \"b\", \"c\"]");

    Run run = runRaw("--model", model.toString(), "--preprocess", "scale", "--labels",
        labels.toString(), "-o", dir.resolve("out").toString(), CAT.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("names 3 classes but the model has 2");
  }

  /** A catalogue whose tiny model fails the test if anything looks for its weights. */
  private static dev.xaicam.models.ModelCatalog untouchableWeights() {
    dev.xaicam.models.WeightSource untouchable = new dev.xaicam.models.WeightSource() {
      @Override
      public dev.xaicam.network.ModelWeights load(Path explicit, boolean offline) {
        throw new AssertionError("the weights were looked for");
      }

      @Override
      public List<String> status() {
        return List.of("weights: none");
      }
    };
    return new dev.xaicam.models.ModelCatalog(List.of(new dev.xaicam.models.ModelCatalog.Entry(
        TinyModels.NAME, "tiny", TinyModels.spec(), TinyModels::labels,
        dev.xaicam.image.Preprocessing.CAFFE, untouchable)));
  }

  /** A run over {@link #untouchableWeights()}, not quiet. */
  private static Run runWithoutWeights(String... args) {
    CommandLine cli = CommandTree.commandLine(untouchableWeights());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("--model", TinyModels.NAME));
    all.addAll(List.of(args));
    return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
  }

  @Test
  void aMissingImageFailsWithoutLookingForWeights() {
    Path missing = dir.resolve("nonexistent.jpg");

    Run run = runWithoutWeights("-o", dir.resolve("out").toString(), missing.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly("xai-cam: " + missing + ": no such file");
  }

  @Test
  void skipExistingWithEverythingExplainedLoadsNothingAndSaysSo() {
    Path out = dir.resolve("out");
    assertThat(run("-o", out.toString(), CAT.toString(), ROCKET.toString()).exitCode()).isZero();

    Run again = runWithoutWeights("--skip-existing", "-o", out.toString(), CAT.toString(), ROCKET.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.errLines()).containsExactly("xai-cam: all 2 images already explained; nothing to do");
    assertThat(again.out()).isEmpty();
  }

  @Test
  void skipExistingWithOneImageLeftLoadsTheWeights() {
    Path out = dir.resolve("out");
    assertThat(run("-o", out.toString(), CAT.toString()).exitCode()).isZero();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runWithoutWeights("--skip-existing",
        "-o", out.toString(), CAT.toString(), ROCKET.toString()))
        .hasMessage("the weights were looked for");
  }
}
