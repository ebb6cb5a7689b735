package dev.xaicam.cli;

import dev.xaicam.output.ImageReport;
import dev.xaicam.output.ImageReport.HeatmapOutput;
import java.util.Locale;
import java.util.StringJoiner;

/** The one human-readable line printed per explained image. */
final class HumanReport {
  private HumanReport() {}

  /** {@code cat.png: tabby (281) p=0.83 | gradcam -> out/cat.gradcam.png | 412 ms}. */
  static String line(ImageReport report) {
    StringJoiner files = new StringJoiner(", ");
    String lastTarget = null;
    StringBuilder sb = new StringBuilder().append(report.input()).append(':');
    for (HeatmapOutput output : report.heatmaps()) {
      String target = String.format(Locale.ROOT, " %s (%d) p=%.3f", output.target().name(),
          output.target().index(), output.target().probability());
      if (!target.equals(lastTarget)) {
        if (lastTarget != null) {
          sb.append(" [").append(files).append("];");
          files = new StringJoiner(", ");
        }
        sb.append(target);
        lastTarget = target;
      }
      files.add(output.method() + " -> " + output.png());
    }
    sb.append(" [").append(files).append("] layer ").append(report.layer());
    return sb.append(" (").append(report.millis()).append(" ms)").toString();
  }
}
