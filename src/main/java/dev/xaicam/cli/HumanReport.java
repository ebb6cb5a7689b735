package dev.xaicam.cli;

import dev.xaicam.output.ImageReport;
import dev.xaicam.output.ImageReport.HeatmapOutput;
import java.util.Locale;
import java.util.StringJoiner;

/** The one human-readable line printed per explained image. */
final class HumanReport {
  private HumanReport() {}

  /**
   * {@code cat.png: tabby (281) p=0.830 [gradcam -> out/cat.gradcam.png] layer block5_conv3 (412 ms)},
   * or {@code cat.png: skipped, its outputs exist}.
   */
  static String line(ImageReport report) {
    if (report.status() == ImageReport.Status.SKIPPED) {
      return report.input() + ": skipped, its outputs exist";
    }
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
