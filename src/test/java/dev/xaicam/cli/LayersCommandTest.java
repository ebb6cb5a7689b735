package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xaicam.keras.TestModelFiles;
import dev.xaicam.models.TinyModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code xai-cam layers}: summary table and JSON for built-in models and model files. */
class LayersCommandTest {
  @TempDir Path dir;

  /** Exit code, stdout and stderr of one run. */
  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    CommandLine cli = CommandTree.commandLine(TinyModels.catalog());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void listsLayersInGraphOrderWithShapesParametersAndTheDefaultTarget() {
    Run run = run("layers", "--model", TinyModels.NAME);

    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Model: VGG16 (tiny-vgg), input (32, 32, 3), 10 classes (softmax output)");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("block1_conv1 (Conv2D)")
        .contains("(None, 32, 32, 4)").contains("112"));
    assertThat(lines).filteredOn(l -> l.endsWith("<- default target")).singleElement()
        .satisfies(l -> assertThat(l).startsWith("block5_conv3 (Conv2D)"));
    assertThat(lines.get(lines.size() - 1)).startsWith("Total params: ");
  }

  @Test
  void indentsNestedModelsOfAModelFileAndPrintsJson() throws Exception {
    Path file = TestModelFiles.teachableMachine(dir.resolve("keras_model.h5"));

    Run table = run("layers", "--model", file.toString());
    Run json = run("layers", "--model", file.toString(), "--json");

    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("\nsequential_1 (nested model)\n  model1 (nested model)\n")
        .contains("\n    out_relu (ReLU)");
    assertThat(table.out().lines().filter(l -> l.endsWith("<- default target")))
        .singleElement().satisfies(l -> assertThat(l.strip()).startsWith("out_relu (ReLU)"));
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.get("default_target").asText()).isEqualTo("sequential_1/model1/out_relu");
    assertThat(root.get("classes").asInt()).isEqualTo(2);
    assertThat(root.get("input_shape").toString()).isEqualTo("[6,6,3]");
    // 1x1x3x2 + 4x2 (BN) + 1x1x2x2 + 4x2 (BN) + 2x2 (dense, no bias)
    assertThat(root.get("parameters").asLong()).isEqualTo(6 + 8 + 4 + 8 + 4);
    assertThat(root.get("layers").get(5).get("nesting").toString())
        .isEqualTo("[\"sequential_1\",\"model1\"]");
  }
}
