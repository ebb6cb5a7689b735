package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.models.TinyModels;
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
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), TestEntry.class.getName()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
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
      System.exit(XaiCamCommand.commandLine(TinyModels.catalog()).execute(args));
    }
  }
}
