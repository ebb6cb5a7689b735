package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.bench.BenchSettings;
import dev.xaicam.image.Preprocessing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = CommandTree.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void isASubcommandWithHelp() {
    assertThat(run("bench", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: xai-cam bench").contains("--batch-sizes")
        .contains("--scorecam-images").contains("--soak").contains("--json")
        .contains("--seed");
    // Help wraps lines; the defaults shown are the settings' constants.
    assertThat(out.toString().replaceAll("\\s+", "")).contains("(default:1,8,32)")
        .contains("(default:all:gradcam,gradcam++,layercam,faster-scorecam,scorecam)");
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
    assertThat(err.toString()).contains("--method-batch-sizes: batch sizes must be between 1 and 256, got -8");
  }

  @Test
  void unknownMethodIsAUsageError() {
    assertThat(run("bench", "-m", "gradcam,nope")).isEqualTo(2);
    assertThat(err.toString()).contains("nope");
  }

  @Test
  void theCommandsDefaultsAreTheSettingsDefaults() {
    BenchCommand plain = new BenchCommand();
    new CommandLine(plain).parseArgs();
    BenchSettings parsed = plain.settings();
    BenchSettings defaults = BenchSettings.builder().build();

    assertThat(parsed.forwardBatchSizes()).isEqualTo(defaults.forwardBatchSizes());
    assertThat(parsed.methodBatchSizes()).isEqualTo(defaults.methodBatchSizes());
    assertThat(parsed.methods()).isEqualTo(defaults.methods());
    assertThat(parsed.repeats()).isEqualTo(defaults.repeats());
    assertThat(parsed.scoreCamImages()).isEqualTo(defaults.scoreCamImages());
    assertThat(parsed.soakImages()).isEqualTo(defaults.soakImages());
    assertThat(parsed.seed()).isEqualTo(defaults.seed());
    assertThat(parsed.weights()).isNull();
    assertThat(parsed.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void sharedOptionsReachTheSettings() {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs("--threads", "1", "--soak", "10", "--batch-sizes", "8,2", "-m", "layercam");
    BenchSettings settings = command.settings();
    assertThat(settings.threads()).isEqualTo(1);
    assertThat(settings.soakImages()).isEqualTo(10);
    assertThat(settings.forwardBatchSizes()).containsExactly(2, 8);
    assertThat(settings.methods()).containsExactly("layercam");
  }

  @Test
  void modelNamesACatalogueEntry() {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs("--model", "mobilenetv2");
    BenchSettings settings = command.settings();
    assertThat(settings.architecture().name()).isEqualTo("mobilenetv2_1.00_224");
    assertThat(settings.preprocessing()).isEqualTo(Preprocessing.TF);
    BenchCommand plain = new BenchCommand();
    new CommandLine(plain).parseArgs();
    assertThat(plain.settings().architecture().name()).isEqualTo("VGG16");
    assertThat(plain.settings().preprocessing()).isEqualTo(Preprocessing.CAFFE);
  }

  @Test
  void negativeStartupRunsAreAUsageError() {
    assertThat(run("bench", "--startup-runs", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--startup-runs must be >= 0, got -1");
  }

  @Test
  @Tag("native")
  void startupRunsTimeTheRealCommandInFreshProcessesWarmAndCold() {
    int code = run("bench", "--model", "demo", "--startup-runs", "1", "-m", "gradcam",
        "--batch-sizes", "1", "--method-batch-sizes", "1", "--repeats", "1");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("| xai-cam --help | warm | 1 |")
        .contains("| demo model, one image | warm | 1 |")
        .doesNotContain("FAILED");
    // A machine without GNU dd says so instead of a cold row.
    assertThat(out.toString().contains("| demo model, one image | cold | 1 |")
        || err.toString().contains("cold: not measured")).isTrue();
  }

  @Test
  void unknownModelIsAUsageError() {
    assertThat(run("bench", "--model", "resnet")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown model 'resnet'; known: ");
  }
}
