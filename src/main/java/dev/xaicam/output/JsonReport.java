package dev.xaicam.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xaicam.output.ImageReport.ClassScore;
import dev.xaicam.output.ImageReport.HeatmapOutput;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Turns reports into the JSON objects {@code --json} prints, one line each. */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReport() {}

  /** One image's report as a single-line JSON object. */
  public static String line(ImageReport report) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("input", report.input().toString());
    if (!faithful(report.input())) {
      node.put("input_uri", report.input().toUri().toString());
    }
    node.put("status", report.status().word());
    if (report.error() != null) {
      node.put("error", report.error());
    }
    if (report.status() == ImageReport.Status.OK) {
      node.put("layer", report.layer());
      ArrayNode top5 = node.putArray("top5");
      report.top5().forEach(score -> top5.add(classNode(score)));
      ArrayNode heatmaps = node.putArray("heatmaps");
      for (HeatmapOutput output : report.heatmaps()) {
        ObjectNode h = heatmaps.addObject();
        h.put("method", output.method());
        h.set("target", classNode(output.target()));
        h.put("png", output.png().toString());
        if (output.npy() != null) {
          h.put("npy", output.npy().toString());
        }
        if (output.raw() != null) {
          h.put("raw", output.raw().toString());
        }
      }
    }
    node.put("milliseconds", report.millis());
    return node.toString();
  }

  /**
   * One image of a model comparison as a single-line JSON object: the class every model
   * explained, then per model its layer, its probability for that class and its own top class.
   */
  public static String comparison(ComparedImage image) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("input", image.input().toString());
    if (!faithful(image.input())) {
      node.put("input_uri", image.input().toUri().toString());
    }
    node.put("status", ImageReport.Status.OK.word());
    node.put("method", image.method());
    ObjectNode target = node.putObject("class");
    target.put("index", image.classIndex());
    target.put("name", image.className());
    ArrayNode models = node.putArray("models");
    for (ComparedImage.ModelResult result : image.models()) {
      ObjectNode m = models.addObject();
      m.put("model", result.model());
      m.put("layer", result.layer());
      m.put("probability", result.target().probability());
      m.set("top", classNode(result.top()));
    }
    return node.toString();
  }

  /**
   * The closing summary line of a batch run.
   *
   * @param ok images explained
   * @param skipped images skipped as already done
   * @param failed images that failed
   * @param millis total wall-clock time
   */
  public static String summary(int ok, int skipped, int failed, long millis) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("summary", true);
    node.put("ok", ok);
    node.put("skipped", skipped);
    node.put("failed", failed);
    node.put("total", ok + skipped + failed);
    node.put("milliseconds", millis);
    return node.toString();
  }

  /**
   * Whether a path's text names the same file: not so when its name holds bytes the system's
   * encoding cannot decode (they print as U+FFFD), and then the report adds the path as a
   * {@code file:} URI, whose %XX escapes keep every byte.
   */
  static boolean faithful(Path path) {
    try {
      return Path.of(path.toString()).equals(path);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static ObjectNode classNode(ClassScore score) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("index", score.index());
    node.put("name", score.name());
    node.put("probability", score.probability());
    return node;
  }
}
