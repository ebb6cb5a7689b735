package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native stderr capture, in a child JVM (redirecting descriptor 2 inside the test JVM would
 * disturb the test runner): libpng's lines land in the image's message, not on stderr.
 */
class NativeStderrTest {
  @TempDir Path dir;

  @Test
  void foldsLibpngLinesIntoTheErrorAndForwardsOtherNativeOutput() throws Exception {
    byte[] png = Files.readAllBytes(Path.of("samples/coffee.png"));
    Path truncated = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
        truncated.toString(), "samples/coffee.png"));
    Process probe = new ProcessBuilder(command).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile()).start();

    assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(probe.exitValue()).as(Files.readString(stderr)).isZero();
    List<String> out = Files.readAllLines(stdout);
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).startsWith(truncated + ": cannot decode: truncated or corrupt PNG data (")
        .contains("libpng");
    assertThat(out.get(1)).isEqualTo("samples/coffee.png: decoded");
    // Java's own stderr still reaches the real stderr, and so does native output outside a
    // decode; the decoders' own lines do not.
    assertThat(Files.readAllLines(stderr)).containsExactly("java line", "native line");
  }

  /** Installs the capture, decodes each argument, prints one line per file on stdout. */
  public static final class Probe {
    private Probe() {}

    /** Entry point of the child JVM. */
    public static void main(String[] args) throws IOException {
      if (!NativeStderr.install()) {
        System.out.println("install failed");
        System.exit(1);
      }
      ImageDecoder decoder = new ImageDecoder();
      for (String arg : args) {
        try {
          decoder.decode(Path.of(arg));
          System.out.println(arg + ": decoded");
        } catch (XaiCamException e) {
          System.out.println(e.getMessage());
        }
      }
      System.err.println("java line");
      try (var fd2 = new java.io.FileOutputStream("/proc/self/fd/2")) {
        fd2.write("native line\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      System.exit(0);
    }
  }
}
