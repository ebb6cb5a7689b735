package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xaicam.keras.TestModelFiles;
import dev.xaicam.models.TinyModels;
import dev.xaicam.output.MontageFile;
import dev.xaicam.shapes.ShapeKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --compare-models} end to end: the demo model against Keras files and weight files. */
class CompareModelsTest {
  private static final Path CROSS = Path.of("samples/shapes/00_cross.png");
  private static final Path STAR = Path.of("samples/shapes/05_star.png");
  private static final Path CAT = Path.of("samples/cat_chelsea.png");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The montage's gap between tiles at its tile size (a 24th of the tile). */
  private static final int GAP = MontageFile.TILE_SIZE / 24;

  @TempDir Path dir;

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }

    List<JsonNode> objects() throws IOException {
      List<JsonNode> objects = new ArrayList<>();
      for (String line : out.lines().toList()) {
        objects.add(JSON.readTree(line));
      }
      return objects;
    }
  }

  /** A run over the built-in models (the demo model among them). */
  private static Run run(String... args) {
    return run(CommandTree.commandLine(), args);
  }

  /** A run of {@code commandLine} with these arguments. */
  private static Run run(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A 6-class Keras model file with the demo's classes once given {@link #labels()}. */
  private Path shapesModel() {
    return TestModelFiles.rgbClassifier(dir.resolve("shapes.h5"), ShapeKind.values().length, 1);
  }

  /** The demo's class names as a {@code --labels} file. */
  private Path labels() throws IOException {
    return Files.writeString(dir.resolve("labels.txt"), String.join("\n", ShapeKind.labels()) + "\n");
  }

  /** Montage width for {@code models} columns after the original's. */
  private static int width(int models) {
    int columns = 1 + models;
    return columns * MontageFile.TILE_SIZE + (columns + 1) * GAP;
  }

  @Test
  @Tag("native")
  void eachRowExplainsTheFirstModelsTopClassWithEveryModel() throws IOException {
    Path model = shapesModel();
    Path labels = labels();
    Path montage = dir.resolve("cmp.png");

    Run run = run("--compare-models", "demo," + model, "--preprocess", "scale", "--labels",
        labels.toString(), "--json", "--montage", montage.toString(), CROSS.toString(), STAR.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> rows = run.objects();
    assertThat(rows).extracting(r -> r.get("input").asText())
        .containsExactly(CROSS.toString(), STAR.toString());
    Run demo = run("--model", "demo", "--json", "-q", "-o", dir.resolve("demo").toString(),
        CROSS.toString(), STAR.toString());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      JsonNode first = row.get("models").get(0);
      JsonNode second = row.get("models").get(1);
      int shared = row.get("class").get("index").asInt();
      assertThat(row.get("method").asText()).isEqualTo("gradcam");
      assertThat(shared).isEqualTo(first.get("top").get("index").asInt())
          .isEqualTo(demo.objects().get(i).get("top5").get(0).get("index").asInt());
      assertThat(row.get("class").get("name").asText()).isEqualTo(ShapeKind.values()[shared].label());
      assertThat(first.get("model").asText()).isEqualTo("demo");
      assertThat(first.get("layer").asText()).isEqualTo("block2_conv2");
      assertThat(second.get("model").asText()).isEqualTo("shapes.h5");
      assertThat(second.get("layer").asText()).isEqualTo("conv2d");
      // The second model's probability is its own for the first model's class.
      Run alone = run("--model", model.toString(), "--preprocess", "scale", "--labels", labels.toString(),
          "-c", Integer.toString(shared), "--json", "-q", "-o", dir.resolve("alone" + i).toString(),
          row.get("input").asText());
      assertThat(second.get("probability").asDouble()).isCloseTo(
          alone.objects().get(0).get("heatmaps").get(0).get("target").get("probability").asDouble(),
          within(1e-5));
    }
    BufferedImage figure = ImageIO.read(montage.toFile());
    assertThat(figure.getWidth()).isEqualTo(width(2));
    // Two rows of square pictures, each under its title strip: more than two pictures, less than three.
    int row = MontageFile.TILE_SIZE + GAP;
    assertThat(figure.getHeight()).isBetween(2 * row, 3 * row);
  }

  @Test
  @Tag("native")
  void aGivenClassIsExplainedByEveryModelInItsColumn() throws IOException {
    Path model = shapesModel();
    Path montage = dir.resolve("cmp.png");

    Run run = run("--compare-models", model + ",demo", "--preprocess", "scale", "--labels",
        labels().toString(), "-c", "ring", "-m", "gradcam++", "--montage", montage.toString(),
        CROSS.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).singleElement().satisfies(l -> assertThat(l)
        .matches("\\Q" + CROSS + ": ring (4): shapes.h5 p=\\E0\\.\\d{3}( \\(top: \\w+ 0\\.\\d{3}\\))?"
            + ", demo p=0\\.\\d{3} \\(top: cross 0\\.\\d{3}\\)"));
    assertThat(run.errLines()).hasSize(3);
    assertThat(run.errLines().subList(0, 2)).containsExactly(
        "xai-cam: model 1 of 2: loading " + model + " weights...",
        "xai-cam: model 2 of 2: loading demo weights...");
    assertThat(run.errLines().get(2)).startsWith("xai-cam: 1 image compared by 2 models, 0 failed in ")
        .endsWith(" s; montage " + montage);
    BufferedImage figure = ImageIO.read(montage.toFile());
    assertThat(figure.getWidth()).isEqualTo(width(2));
    assertThat(figure.getHeight()).isBetween(MontageFile.TILE_SIZE, 2 * (MontageFile.TILE_SIZE + GAP));
  }

  @Test
  @Tag("native")
  void weightFilesMakeColumnsOfOneArchitectureAndABadImageIsItsOwnLine() throws IOException {
    CommandLine tiny = CommandTree.commandLine(TinyModels.catalog());
    List<String> models = new ArrayList<>();
    for (int seed = 1; seed <= 3; seed++) {
      Path weights = TinyModels.writeWeights(dir.resolve("w" + seed + ".h5"), seed);
      models.add(TinyModels.NAME + "=" + weights);
    }
    Path broken = Files.writeString(dir.resolve("broken.png"), "not a picture");
    Path montage = dir.resolve("cmp.png");

    Run run = run(tiny, "--compare-models", String.join(",", models), "--montage",
        montage.toString(), CAT.toString(), broken.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).filteredOn(l -> !l.contains(": loading ")).hasSize(2)
        .first().isEqualTo("xai-cam: " + broken + ": not an image: the file looks like text (starts "
            + "with \"not a picture\")");
    assertThat(run.errLines().get(run.errLines().size() - 1))
        .startsWith("xai-cam: 1 image compared by 3 models, 1 failed in ");
    // The first model's own top class is the row's class: only the others may name another.
    assertThat(run.out().lines()).singleElement().satisfies(l -> assertThat(l)
        .matches("\\Q" + CAT + ": \\Eclass(\\d) \\(\\1\\): tiny-vgg \\(w1.h5\\) p=0\\.\\d{3}, "
            + "tiny-vgg \\(w2.h5\\) p=.*, tiny-vgg \\(w3.h5\\) p=.*"));
    BufferedImage figure = ImageIO.read(montage.toFile());
    assertThat(figure.getWidth()).isEqualTo(width(3));
  }

  @Test
  void optionsForFilesItDoesNotWriteAreRefusedBeforeAnythingLoads() throws IOException {
    Path montage = dir.resolve("cmp.png");
    List<List<String>> refused = List.of(
        List.of("--model", "demo"), List.of("-o", dir.resolve("out").toString()),
        List.of("--report", dir.resolve("r.jsonl").toString()), List.of("--skip-existing"),
        List.of("--fail-fast"));
    for (List<String> option : refused) {
      List<String> args = new ArrayList<>(List.of("--compare-models", "demo,vgg16", "--montage",
          montage.toString(), CROSS.toString()));
      args.addAll(option);

      Run run = run(args.toArray(String[]::new));

      assertThat(run.exitCode()).as(option.toString()).isEqualTo(2);
      String name = option.get(0).equals("-o") ? "--output" : option.get(0);
      assertThat(run.errLines()).singleElement().satisfies(l -> assertThat(l)
          .startsWith("xai-cam: " + name + " cannot be used with --compare-models: "));
    }
    assertThat(montage).doesNotExist();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void modelsOfOtherClassesAreRefusedWithAHint() throws IOException {
    Path montage = dir.resolve("cmp.png");

    Run run = run("--compare-models", "demo," + shapesModel(), "--preprocess", "scale", "--montage",
        montage.toString(), CROSS.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("xai-cam: --compare-models needs models with the same "
        + "classes: demo has 6 classes (circle, square, triangle, ...), shapes.h5 has 6 classes (0, 1, 2,"
        + " ...); give --labels if they are the same classes");
    assertThat(montage).doesNotExist();
  }

  @Test
  void theHelpNamesTheOptionAndAnExample() {
    Run help = run("--help");

    assertThat(help.out()).contains("--compare-models=MODEL[=WEIGHTS]")
        .contains("xai-cam --compare-models resnet50,mobilenetv2 --montage cmp.png a.jpg b.jpg");
  }
}
