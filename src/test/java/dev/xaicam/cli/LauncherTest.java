package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launcher's choice of help width ({@code bin/xai-cam}'s {@code help_width}), sourced into a
 * shell: on a pseudo-terminal of a given size (made by util-linux's {@code script}) and on a pipe.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("bin", "xai-cam");
  /** Sources the launcher, which then only defines its functions, and prints the width. */
  private static final String PRINT_WIDTH =
      "source " + LAUNCHER + "; help_width; echo \"width=$columns\"";

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void aPipeGetsEightyColumns() throws Exception {
    assertThat(run(List.of("bash", "-c", PRINT_WIDTH))).contains("width=80");
  }

  /** The terminal's columns; narrower than picocli's 55 is 55; a size of 0 is unknown: 80. */
  @ParameterizedTest
  @CsvSource({"120, 120", "80, 80", "40, 55", "0, 80"})
  void aTerminalGetsItsColumns(int terminalColumns, int expected) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script is missing");
    String inTerminal = "stty cols " + terminalColumns + " rows 24; bash -c '" + PRINT_WIDTH + "'";

    assertThat(run(List.of("script", "-q", "-e", "-c", inTerminal, "/dev/null")))
        .contains("width=" + expected);
  }
}
