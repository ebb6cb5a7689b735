package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = XaiCamCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void isASubcommandWithHelp() {
    assertThat(run("bench", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: xai-cam bench").contains("--batch-sizes")
        .contains("--scorecam-images").contains("--soak").contains("--json");
  }

  @Test
  void badOptionValuesAreUsageErrorsBeforeAnythingLoads() {
    assertThat(run("bench", "--repeats", "0")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("xai-cam: --repeats must be >= 1, got 0"
        + System.lineSeparator());
  }

  @Test
  void badBatchSizesNameTheOption() {
    assertThat(run("bench", "--method-batch-sizes", "1,-8")).isEqualTo(2);
    assertThat(err.toString()).contains("--method-batch-sizes: batch sizes must be >= 1, got -8");
  }

  @Test
  void unknownMethodIsAUsageError() {
    assertThat(run("bench", "-m", "gradcam,nope")).isEqualTo(2);
    assertThat(err.toString()).contains("nope");
  }

  @Test
  void configDefaultsToAllCoresAndTheIssuesBatchSizes() {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs("--threads", "1", "--soak", "10");
    var config = command.config();
    assertThat(config.threads()).isEqualTo(1);
    assertThat(config.soakImages()).isEqualTo(10);
    assertThat(config.forwardBatchSizes()).containsExactly(1, 8, 32);
    assertThat(config.methodBatchSizes()).containsExactly(1, 8);
    assertThat(config.repeats()).isEqualTo(3);
    BenchCommand plain = new BenchCommand();
    new CommandLine(plain).parseArgs();
    assertThat(plain.config().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }
}
