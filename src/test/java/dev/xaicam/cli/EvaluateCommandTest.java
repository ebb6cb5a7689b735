package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code xai-cam evaluate} on the demo model: summary, per-image report, curves picture. */
class EvaluateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    CommandLine cl = CommandTree.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  @Tag("native")
  void scoresEveryMethodOnEveryImageWritesTheReportAndThePlotAndReportsABadImage()
      throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.png"), "not a png");
    Path report = dir.resolve("scores.jsonl");
    Path plot = dir.resolve("curves.png");

    int code = run("evaluate", "-m", "gradcam,ablationcam", "--model", "demo", "--steps", "4",
        "--json", "--report", report.toString(), "--plot", plot.toString(),
        "samples/shapes/00_cross.png", "samples/shapes/01_star.png", broken.toString());

    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(err.toString()).contains("broken.png");
    JsonNode summary = new ObjectMapper().readTree(out.toString());
    assertThat(summary.get("images").asInt()).isEqualTo(2);
    assertThat(summary.get("failed").asInt()).isEqualTo(1);
    JsonNode gradcam = summary.get("methods").get(0);
    assertThat(gradcam.get("method").asText()).isEqualTo("gradcam");
    assertThat(gradcam.get("deletion_auc").get("n").asInt()).isEqualTo(2);
    // 4 steps: 5 points, the first the unperturbed image's probability
    assertThat(gradcam.get("deletion_curve")).hasSize(5);
    List<String> lines = Files.readAllLines(report);
    assertThat(lines).hasSize(4);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    double y = first.get("y").asDouble();
    double o = first.get("o").asDouble();
    assertThat(first.get("drop").asDouble()).isEqualTo(Math.max(0, y - o) / y);
    assertThat(gradcam.get("deletion_curve").get(0).asDouble()).isGreaterThan(0);
    byte[] png = Files.readAllBytes(plot);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }
}
