package dev.xaicam.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xaicam.XaiCamException;
import dev.xaicam.cli.CommandTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The library API against the command line's own outputs, on the bundled demo model. */
@Tag("native")
class XaiCamTest {
  private static final Path SHAPES = Path.of("samples/shapes");
  private static final List<String> IMAGES = List.of("00_cross", "01_star", "02_ring");
  private static final Path TRUNCATED = Path.of("/work/shared/data/bad-inputs/truncated.jpg");

  @TempDir static Path out;
  static XaiCam cam;
  /** The command line's report line of each image, in {@link #IMAGES} order. */
  static List<JsonNode> report;

  /**
   * Runs the command line on each shape alone (a network batch of one, like the API's; TensorFlow's
   * float32 kernels may round an image differently inside a larger batch) and opens the API alike.
   */
  @BeforeAll
  static void runBoth() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String stem : IMAGES) {
      StringWriter err = new StringWriter();
      CommandLine cli = CommandTree.commandLine();
      cli.setErr(new PrintWriter(err));
      cli.setOut(new PrintWriter(new StringWriter()));
      Path reportFile = out.resolve(stem + ".jsonl");
      int code = cli.execute("--model", "demo", "-m", "gradcam,scorecam", "--top-k", "2", "--npy", "-q",
          "-o", out.toString(), "--report", reportFile.toString(), SHAPES.resolve(stem + ".png").toString());
      assertThat(code).as(err.toString()).isZero();
      lines.add(json.readTree(Files.readAllLines(reportFile).get(0)));
    }
    report = List.copyOf(lines);
    cam = XaiCam.builder().model("demo").methods("gradcam", "scorecam").topK(2).build();
  }

  @AfterAll
  static void close() {
    cam.close();
  }

  /** The float32 values of a 2-D {@code .npy} file as rows. */
  private static float[][] npy(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = buffer.getShort(8);
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    Matcher shape = Pattern.compile("'shape': \\((\\d+), (\\d+)\\)").matcher(header);
    assertThat(shape.find()).as(header).isTrue();
    int rows = Integer.parseInt(shape.group(1));
    int cols = Integer.parseInt(shape.group(2));
    buffer.position(10 + headerLength);
    float[][] values = new float[rows][cols];
    for (float[] row : values) {
      buffer.asFloatBuffer().get(row);
      buffer.position(buffer.position() + 4 * cols);
    }
    return values;
  }

  @Test
  void mapsTargetsAndProbabilitiesEqualTheCommandLinesOutputs() throws IOException {
    for (int i = 0; i < IMAGES.size(); i++) {
      String stem = IMAGES.get(i);
      JsonNode line = report.get(i);
      Explanation e = cam.explain(SHAPES.resolve(stem + ".png"));

      assertThat(e.layer()).isEqualTo(line.get("layer").asText());
      for (int k = 0; k < 5; k++) {
        JsonNode expected = line.get("top5").get(k);
        ClassProbability actual = e.topClasses(5).get(k);
        assertThat(actual.index()).isEqualTo(expected.get("index").asInt());
        assertThat(actual.name()).isEqualTo(expected.get("name").asText());
        assertThat(actual.probability()).isEqualTo(expected.get("probability").asDouble());
      }
      assertThat(e.targets()).extracting(ClassProbability::index)
          .containsExactly(line.get("top5").get(0).get("index").asInt(), line.get("top5").get(1).get("index").asInt());
      assertThat(e.maps()).hasSize(4);
      for (JsonNode heatmap : line.get("heatmaps")) {
        String method = heatmap.get("method").asText();
        int target = heatmap.get("target").get("index").asInt();
        float[][] expected = npy(Path.of(heatmap.get("npy").asText()));
        assertThat(e.map(method, target)).as(stem + " " + method + " " + target).isDeepEqualTo(expected);
      }
      assertThat(e.map("gradcam")).isSameAs(e.map("gradcam", e.targets().get(0).index()));
      assertThat(e.probabilities()[e.targets().get(0).index()])
          .isEqualTo((float) line.get("top5").get(0).get("probability").asDouble());
    }
  }

  @Test
  void bytesInMemoryGiveTheFilesMaps() throws IOException {
    Path file = SHAPES.resolve("03_circle.png");

    Explanation fromFile = cam.explain(file);
    Explanation fromBytes = cam.explain(Files.readAllBytes(file));

    assertThat(fromBytes.targets()).isEqualTo(fromFile.targets());
    assertThat(fromBytes.map("scorecam")).isDeepEqualTo(fromFile.map("scorecam"));
    assertThat(fromBytes.map("gradcam").length).isEqualTo(64);
    assertThat(fromBytes.map("gradcam")[0].length).isEqualTo(64);
  }

  @Test
  void aBadImageIsTheCommandLinesOneLineError() throws IOException {
    assertThatThrownBy(() -> cam.explain(TRUNCATED))
        .isInstanceOfSatisfying(XaiCamException.class, ex -> assertThat(ex.exitCode()).isEqualTo(1))
        .hasMessageStartingWith(TRUNCATED + ": cannot decode: truncated or corrupt JPEG data");
    assertThatThrownBy(() -> cam.explain(Files.readAllBytes(TRUNCATED)))
        .hasMessageStartingWith("image bytes: cannot decode: truncated or corrupt JPEG data");
    assertThatThrownBy(() -> cam.explain(new byte[0])).hasMessage("image bytes: empty file (0 bytes)");
    assertThatThrownBy(() -> cam.explain(SHAPES.resolve("nope.png"))).hasMessage(SHAPES.resolve("nope.png") + ": no such file");
  }

  @Test
  void wrongSettingsAreUsageErrorsBeforeAnythingLoads() {
    assertThatThrownBy(() -> XaiCam.builder().model("demo").methods("gradcan").build())
        .isInstanceOfSatisfying(XaiCamException.class, ex -> assertThat(ex.exitCode()).isEqualTo(2));
    assertThatThrownBy(() -> XaiCam.builder().model("demo").topK(0).build()).hasMessageContaining("--top-k");
  }

  @Test
  void aClosedInstanceRefusesWork() {
    XaiCam closed = XaiCam.builder().model("demo").build();
    closed.close();
    closed.close();

    assertThatThrownBy(() -> closed.explain(SHAPES.resolve("00_cross.png"))).isInstanceOf(IllegalStateException.class);
    assertThat(cam.methods()).containsExactly("gradcam", "scorecam");
  }
}
