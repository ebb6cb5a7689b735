package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.architectures.GlorotWeights;
import dev.xaicam.architectures.MobileNetV2;
import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.network.ModelGraph;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code xai-cam random-weights} on a catalogue network whose layers are not only kernels and
 * biases: every array reads back exactly, and the file works as a user runs it (a real process,
 * its tool folder a temporary one).
 */
@Tag("native")
class RandomWeightsCommandTest {
  private static final Path CAT = Path.of("samples/cat_chelsea.png");

  @TempDir Path dir;

  private int run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log.txt").toFile()));
    builder.environment().put("XAI_CAM_HOME", dir.resolve("home").toString());
    return builder.start().waitFor();
  }

  @Test
  void writesBatchNormalizationWeightsThatTheModelThenLoads() throws Exception {
    Path file = dir.resolve("mobilenetv2-random.h5");

    int made = run("random-weights", "--model", "mobilenetv2", "--seed", "3", file.toString());
    int used = run("--model", "mobilenetv2", "--weights", file.toString(), "-q", "--npy",
        "-o", dir.resolve("out").toString(), CAT.toString());

    String log = Files.readString(dir.resolve("log.txt"));
    assertThat(made).as(log).isZero();
    assertThat(log).contains("wrote random mobilenetv2 weights (seed 3)");
    assertThat(used).as(log).isZero();
    assertThat(dir.resolve("out/cat_chelsea.gradcam.npy")).exists();
    // The converted weight cache went to the tool folder the environment named.
    try (var cached = Files.list(dir.resolve("home/models"))) {
      assertThat(cached.map(p -> p.getFileName().toString()).toList())
          .anySatisfy(name -> assertThat(name).startsWith("mobilenetv2-random.h5.").endsWith(".f32"));
    }
  }

  @Test
  void writesEveryArrayOfAModelWithBatchNormalizationSoItReadsBack() {
    Path file = dir.resolve("mobilenetv2.h5");
    CommandLine cli = CommandTree.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    // BatchNormalization's four arrays have no Keras 1 names: this failed with an internal error.
    int code = cli.execute("random-weights", "--model", "mobilenetv2", "--seed", "7",
        file.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("wrote random mobilenetv2 weights (seed 7)");
    assertThat(KerasModelFile.readWeightsOnly(file))
        .isEqualTo(GlorotWeights.of(ModelGraph.of(MobileNetV2.spec()), 7).withoutWeightlessLayers());
  }
}
