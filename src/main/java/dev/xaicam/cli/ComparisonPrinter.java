package dev.xaicam.cli;

import dev.xaicam.explain.ModelComparison;
import dev.xaicam.output.ComparedImage;
import dev.xaicam.output.ImageReport;
import dev.xaicam.output.JsonReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a model comparison prints: which model is loading on standard error, then per image a line
 * (or with {@code --json} an object) on standard output naming the class and each model's
 * probability for it, and one line on standard error per image that could not be compared.
 */
final class ComparisonPrinter implements ModelComparison.Listener {
  private final PrintWriter out;
  private final PrintWriter err;
  /** Whether standard output carries JSON. */
  private final boolean json;
  /** Whether per-image lines are silenced. */
  private final boolean quiet;
  /** Whether the loading lines are shown. */
  private final boolean stages;

  /** A printer to {@code out} and {@code err}; {@code stages}: whether loading lines are shown. */
  ComparisonPrinter(PrintWriter out, PrintWriter err, boolean json, boolean quiet, boolean stages) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.quiet = quiet;
    this.stages = stages;
  }

  @Override
  public void stage(String text) {
    if (stages) {
      err.println("xai-cam: " + text);
      err.flush();
    }
  }

  @Override
  public void compared(ComparedImage image) {
    if (json) {
      out.println(JsonReport.comparison(image));
    } else if (!quiet) {
      out.println(OneLine.of(line(image)));
    }
    out.flush();
  }

  @Override
  public void failed(ImageReport report) {
    err.println("xai-cam: " + OneLine.of(report.error()));
    err.flush();
    if (json) {
      out.println(JsonReport.line(report));
      out.flush();
    }
  }

  /**
   * {@code cat.png: tabby (281): resnet50 p=0.831, mobilenetv2 p=0.124 (top: tiger_cat 0.602)}:
   * each model's probability for the compared class, and its own top class where it differs.
   */
  static String line(ComparedImage image) {
    List<String> models = new ArrayList<>();
    for (ComparedImage.ModelResult result : image.models()) {
      String part = String.format(Locale.ROOT, "%s p=%.3f", result.model(), result.target().probability());
      if (result.top().index() != result.target().index()) {
        part += String.format(Locale.ROOT, " (top: %s %.3f)", result.top().name(),
            result.top().probability());
      }
      models.add(part);
    }
    return image.input() + ": " + image.className() + " (" + image.classIndex() + "): "
        + String.join(", ", models);
  }
}
