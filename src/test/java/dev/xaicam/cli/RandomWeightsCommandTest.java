package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.architectures.GlorotWeights;
import dev.xaicam.architectures.MobileNetV2;
import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.network.ModelGraph;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code random-weights} for a built-in model with BatchNormalization. */
class RandomWeightsCommandTest {

  @Test
  void writesEveryArrayOfAModelWithBatchNormalizationSoItReadsBack(@TempDir Path dir) {
    Path file = dir.resolve("mobilenetv2.h5");
    CommandLine cli = XaiCamCommand.commandLine();
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
