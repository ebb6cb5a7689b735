package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.models.TinyModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process: exit codes as a shell sees them, including Ctrl-C. */
@Tag("native")
class MainTest {
  @TempDir Path dir;

  private Process start(List<String> args) throws IOException {
    return start(List.of(), TestEntry.class, args, "");
  }

  /** The CLI in a child JVM with {@code jvmOptions}, its output in {@code stdout<tag>.txt}, {@code stderr<tag>.txt}. */
  private Process start(List<String> jvmOptions, Class<?> main, List<String> args, String tag) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectOutput(dir.resolve("stdout" + tag + ".txt").toFile())
        .redirectError(dir.resolve("stderr" + tag + ".txt").toFile()).start();
  }

  @Test
  void largeImagesRunWithinASmallHeapBecauseDecodingAheadIsBoundedByBytes() throws Exception {
    // Eight 16-megapixel pictures hold 384 MB of decoded pixels; the heap is 256 MB.
    BufferedImage large = new BufferedImage(4000, 4000, BufferedImage.TYPE_3BYTE_BGR);
    java.awt.Graphics2D g = large.createGraphics();
    g.setColor(java.awt.Color.GRAY);
    g.fillRect(0, 0, 4000, 4000);
    g.setColor(java.awt.Color.RED);
    g.fillOval(1000, 1000, 2000, 2000);
    g.dispose();
    Path in = Files.createDirectories(dir.resolve("in"));
    ImageIO.write(large, "png", in.resolve("big0.png").toFile());
    for (int i = 1; i < 8; i++) {
      Files.copy(in.resolve("big0.png"), in.resolve("big" + i + ".png"));
    }
    Path out = dir.resolve("out");

    Process run = start(List.of("-Xmx256m"), Main.class, List.of("--model", "demo", "--json", "-o", out.toString(),
        in.toString()), "");

    assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("stderr.txt"));
    assertThat(run.exitValue()).as(err).isZero();
    assertThat(err).isEmpty();
    for (int i = 0; i < 8; i++) {
      assertThat(out.resolve("big" + i + ".gradcam.png")).isRegularFile();
    }
  }

  @Test
  void aKilledRunResumedWithSkipExistingWritesTheSameBytesAsAnUninterruptedOne() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    // The photos (not the 64x64 shapes) make each image's overlays take long enough that the kill
    // lands inside a batch, as it would on a long run.
    List<Path> photos = List.of(Path.of("samples/astronaut.png"), Path.of("samples/cat_chelsea.png"),
        Path.of("samples/coffee.png"), Path.of("samples/rocket.jpg"));
    for (int i = 0; i < 100; i++) {
      Path photo = photos.get(i % photos.size());
      String name = photo.getFileName().toString();
      Files.copy(photo, in.resolve(String.format("p%03d%s", i, name.substring(name.lastIndexOf('.')))));
    }
    List<String> common = List.of("--model", "demo", "-m", "gradcam,gradcam++", "--npy", "--json");
    Path whole = dir.resolve("whole");
    Path resumed = dir.resolve("resumed");

    Process uninterrupted = start(List.of(), Main.class, args(common, "-o", whole.toString(), in.toString()), "1");
    assertThat(uninterrupted.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(uninterrupted.exitValue()).as(Files.readString(dir.resolve("stderr1.txt"))).isZero();
    Process killed = start(List.of(), Main.class, args(common, "-o", resumed.toString(), in.toString()), "2");
    // Killed inside the second batch (files are written image by image; report lines come per
    // batch), so the resumed run starts with a partial batch.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (fileCount(resumed) < 4 * 52 && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(fileCount(resumed)).as("killed mid-run").isLessThan(400);
    Process resume = start(List.of(), Main.class,
        args(common, "--skip-existing", "-o", resumed.toString(), in.toString()), "3");
    assertThat(resume.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(resume.exitValue()).as(Files.readString(dir.resolve("stderr3.txt"))).isZero();

    List<String> names = fileNames(whole);
    assertThat(names).hasSize(400).isEqualTo(fileNames(resumed));
    for (String name : names) {
      assertThat(Files.mismatch(whole.resolve(name), resumed.resolve(name))).as(name).isEqualTo(-1L);
    }
  }

  @Test
  void fuzzedImagesAreEachExplainedOrRefusedInOneLineAndLeaveNothingBehind() throws Exception {
    int count = Integer.getInteger("xaicam.fuzz.count", 300);
    Path in = Files.createDirectories(dir.resolve("fuzz"));
    List<Path> fuzzed = FuzzedImages.write(in, count, 15);
    Path out = dir.resolve("out");

    long start = System.nanoTime();
    Process run = start(List.of(), Main.class, List.of("--model", "demo", "--json", "-o", out.toString(),
        in.toString()), "");
    assertThat(run.waitFor(600, TimeUnit.SECONDS)).isTrue();
    double seconds = (System.nanoTime() - start) / 1e9;

    List<String> err = Files.readAllLines(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    assertThat(run.exitValue()).as(String.join("\n", err)).isEqualTo(1);
    List<String> stdout = Files.readAllLines(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    List<String> refused = new ArrayList<>();
    int explained = 0;
    for (String line : stdout) {
      JsonNode row = json.readTree(line);
      assertThat(row.isObject()).as(line).isTrue();
      if (row.path("status").asText().equals("error")) {
        refused.add(row.get("input").asText());
      } else if (row.path("status").asText().equals("ok")) {
        explained++;
      }
    }
    assertThat(stdout).hasSize(fuzzed.size() + 1);
    assertThat(explained + refused.size()).isEqualTo(fuzzed.size());
    assertThat(err).hasSize(refused.size());
    for (int i = 0; i < err.size(); i++) {
      assertThat(err.get(i)).startsWith("xai-cam: " + refused.get(i) + ": ");
    }
    assertThat(leftovers(out, run.pid())).isEmpty();
    assertThat(leftovers(Path.of(System.getProperty("java.io.tmpdir")), run.pid())).isEmpty();
    System.out.printf("fuzz: %d files, %d explained, %d refused, %.1f s%n", fuzzed.size(), explained,
        refused.size(), seconds);
  }

  private static List<String> args(List<String> common, String... more) {
    List<String> all = new ArrayList<>(common);
    all.addAll(List.of(more));
    return all;
  }

  /** How many entries {@code folder} holds (0 before it exists). */
  private static long fileCount(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }

  /** Every regular file below {@code root}, relative to it, sorted. */
  private static List<String> fileNames(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  /** Temporary files of process {@code pid} left below {@code root}. */
  private static List<Path> leftovers(Path root, long pid) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root, 3)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".xai-cam-tmp-" + pid + "-")).toList();
    }
  }

  @Test
  void helpAndVersionExitZeroAndAUsageErrorExitsTwo() throws Exception {
    Process help = start(List.of("--help"));
    assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(help.exitValue()).isZero();
    assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("Examples:").contains("--method");

    Process usage = start(List.of("--no-such-option"));
    assertThat(usage.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(usage.exitValue()).isEqualTo(2);
  }

  @Test
  void ctrlCFinishesTheImageInFlightExits130AndLeavesNoPartialFile() throws Exception {
    Path weights = TinyModels.writeWeights(dir.resolve("tiny.h5"), 5);
    Path in = Files.createDirectories(dir.resolve("in"));
    for (int i = 0; i < 400; i++) {
      Files.copy(Path.of("samples/rocket.jpg"), in.resolve("img" + i + ".jpg"));
    }
    Path out = dir.resolve("out");
    Process run = start(List.of("--model", TinyModels.NAME, "--weights", weights.toString(), "--batch-size", "2",
        "-m", "gradcam,scorecam", "--json", "-o", out.toString(), in.toString()));
    // Wait until some images are done, then interrupt as a terminal's Ctrl-C would.
    Path stdout = dir.resolve("stdout.txt");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (Files.readString(stdout, StandardCharsets.UTF_8).lines().count() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();

    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).isEqualTo(130);
    assertThat(Files.readString(dir.resolve("stderr.txt"))).containsPattern(
        "xai-cam: interrupted: \\d+ of 400 images left; rerun with --skip-existing to resume");
    List<Path> written;
    try (Stream<Path> files = Files.list(out)) {
      written = files.toList();
    }
    assertThat(written).isNotEmpty().hasSizeLessThan(800);
    for (Path file : written) {
      assertThat(file.getFileName().toString()).doesNotStartWith(".xai-cam-tmp");
      assertThat(ImageIO.read(file.toFile())).as(file.toString()).isNotNull();
    }
  }

  @Test
  void reportLinesOfFinishedImagesSurviveAKillAndAResumedRunAppends() throws Exception {
    Path weights = TinyModels.writeWeights(dir.resolve("tiny.h5"), 7);
    Path in = Files.createDirectories(dir.resolve("in"));
    for (int i = 0; i < 200; i++) {
      Files.copy(Path.of("samples/rocket.jpg"), in.resolve(String.format("img%03d.jpg", i)));
    }
    Path out = dir.resolve("out");
    Path report = dir.resolve("run.jsonl");
    List<String> args = List.of("--model", TinyModels.NAME, "--weights", weights.toString(), "--batch-size", "2",
        "-m", "gradcam,scorecam", "-q", "--report", report.toString(), "-o", out.toString(), in.toString());
    Process run = start(List.of(), TestEntry.class, args, "1");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while ((!Files.exists(report) || Files.readAllLines(report).size() < 3) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    run.destroyForcibly(); // SIGKILL: no shutdown hook, no summary

    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> kept = Files.readAllLines(report);
    assertThat(kept.size()).isBetween(3, 199);
    for (String line : kept) {
      JsonNode image = new ObjectMapper().readTree(line);
      assertThat(image.get("status").asText()).as(line).isEqualTo("ok");
      assertThat(Path.of(image.get("heatmaps").get(0).get("png").asText())).isRegularFile();
    }

    Process resumed = start(List.of(), TestEntry.class, concat(args, "--skip-existing"), "2");
    assertThat(resumed.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(resumed.exitValue()).as(Files.readString(dir.resolve("stderr2.txt"))).isZero();
    List<String> all = Files.readAllLines(report);
    assertThat(all).hasSize(kept.size() + 201).startsWith(kept.toArray(String[]::new));
    JsonNode summary = new ObjectMapper().readTree(all.get(all.size() - 1));
    assertThat(summary.get("skipped").asInt() + summary.get("ok").asInt()).isEqualTo(200);
    assertThat(summary.get("skipped").asInt()).isGreaterThanOrEqualTo(kept.size());
  }

  private static List<String> concat(List<String> list, String more) {
    List<String> all = new ArrayList<>(list);
    all.add(0, more);
    return all;
  }

  @Test
  void threadsSizesTensorFlowBeforeItStarts() throws Exception {
    Path weights = TinyModels.writeWeights(dir.resolve("tiny.h5"), 6);
    Process run = start(List.of("--model", TinyModels.NAME, "--weights", weights.toString(), "--threads", "1",
        "-o", dir.resolve("out").toString(), "samples/coffee.png"));

    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    assertThat(dir.resolve("out/coffee.gradcam.png")).isRegularFile();
  }

  /** Runs the CLI over the tiny test model in a child JVM (tests cannot add models to {@link Main}). */
  public static final class TestEntry {
    private TestEntry() {}

    /** Like {@link Main#main}, with the tiny model in the catalog. */
    public static void main(String[] args) {
      dev.xaicam.image.NativeStderr.install();
      System.exit(CommandTree.commandLine(TinyModels.catalog()).execute(args));
    }
  }

  @org.junit.jupiter.api.Test
  void onlyHelpAndVersionBeforeADoubleDashSkipTheNativeSetUp() {
    assertThat(Main.printsTextOnly(new String[] {"--help"})).isTrue();
    assertThat(Main.printsTextOnly(new String[] {"models", "-h"})).isTrue();
    assertThat(Main.printsTextOnly(new String[] {"-V"})).isTrue();
    assertThat(Main.printsTextOnly(new String[] {"dog.jpg"})).isFalse();
    assertThat(Main.printsTextOnly(new String[] {"--", "--help"})).isFalse();
    assertThat(Main.printsTextOnly(new String[] {"-o", "help.d", "dog.jpg"})).isFalse();
  }

  @org.junit.jupiter.api.Test
  void onlyPlainHelpRequestsGoThroughTheHelpCache() {
    assertThat(Main.isHelpRequest(new String[] {"--help"})).isTrue();
    assertThat(Main.isHelpRequest(new String[] {"-h"})).isTrue();
    assertThat(Main.isHelpRequest(new String[] {"help"})).isTrue();
    assertThat(Main.isHelpRequest(new String[] {"help", "bench"})).isTrue();
    assertThat(Main.isHelpRequest(new String[] {"evaluate", "--help"})).isTrue();
    assertThat(Main.isHelpRequest(new String[] {"models", "-h"})).isTrue();
    // an explain run whose output folder is called help, an image called --help, the version
    assertThat(Main.isHelpRequest(new String[] {"-o", "help", "dog.jpg"})).isFalse();
    assertThat(Main.isHelpRequest(new String[] {"dog.jpg", "--help"})).isFalse();
    assertThat(Main.isHelpRequest(new String[] {"help", "dog.jpg"})).isFalse();
    assertThat(Main.isHelpRequest(new String[] {"--", "--help"})).isFalse();
    assertThat(Main.isHelpRequest(new String[] {"-V"})).isFalse();
    assertThat(Main.isHelpRequest(new String[] {})).isFalse();
  }

  @org.junit.jupiter.api.Test
  void helpIsRenderedOnceThenPrintedFromTheCache() throws IOException {
    HelpCache cache = new HelpCache(dir.resolve("help").resolve("build"), "80");
    String[] args = {"bench", "--help"};
    java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream();

    assertThat(Main.printHelp(args, cache, new java.io.PrintStream(first, true, StandardCharsets.UTF_8)))
        .isZero();

    String rendered = first.toString(StandardCharsets.UTF_8);
    assertThat(rendered).startsWith("Usage: xai-cam bench").doesNotContain("\u001b[");
    assertThat(rendered).isEqualTo(CommandTree.commandLine().getSubcommands().get("bench")
        .getUsageMessage());
    assertThat(cache.lookUp(args)).contains(rendered);
    // what is printed next comes from the file, not from picocli
    Files.writeString(cache.entry(args), "kept text\n");
    java.io.ByteArrayOutputStream second = new java.io.ByteArrayOutputStream();
    assertThat(Main.printHelp(args, cache, new java.io.PrintStream(second, true, StandardCharsets.UTF_8)))
        .isZero();
    assertThat(second.toString(StandardCharsets.UTF_8)).isEqualTo("kept text\n");
  }

  @org.junit.jupiter.api.Test
  void tensorFlowStartsBeforeParsingOnlyForExplainRunsWithDefaultThreads() {
    assertThat(Main.explainsWithDefaultThreads(new String[] {"dog.jpg"})).isTrue();
    assertThat(Main.explainsWithDefaultThreads(new String[] {"-m", "gradcam", "dog.jpg"})).isTrue();
    assertThat(Main.explainsWithDefaultThreads(new String[] {"--threads", "1", "dog.jpg"})).isFalse();
    assertThat(Main.explainsWithDefaultThreads(new String[] {"--threads=1", "dog.jpg"})).isFalse();
    assertThat(Main.explainsWithDefaultThreads(new String[] {"bench"})).isFalse();
    assertThat(Main.explainsWithDefaultThreads(new String[] {"models"})).isFalse();
    assertThat(Main.explainsWithDefaultThreads(new String[] {"random-weights", "x.h5"})).isFalse();
    assertThat(Main.explainsWithDefaultThreads(new String[] {"generate-completion"})).isFalse();
    assertThat(Main.explainsWithDefaultThreads(new String[] {})).isFalse();
  }

  @org.junit.jupiter.api.Test
  void aMissingImageStillFailsAtOnceWhileTensorFlowLoadsInTheBackground() throws Exception {
    Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        dir.resolve("nonexistent.jpg").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();

    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("out.txt"))).contains("nonexistent.jpg");
  }
}
