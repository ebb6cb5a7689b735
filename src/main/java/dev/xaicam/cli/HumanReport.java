package dev.xaicam.cli;

import dev.xaicam.output.ImageReport;
import dev.xaicam.output.ImageReport.HeatmapOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one human-readable line printed per explained image, short enough for a terminal's width. */
final class HumanReport {
  private HumanReport() {}

  /**
   * {@code cat.png: tabby (281) p=0.830 -> out/cat.{gradcam,scorecam}.png (412 ms)}: per class,
   * its overlays in shell brace form; or {@code cat.png: skipped, its outputs exist}.
   */
  static String line(ImageReport report) {
    if (report.status() == ImageReport.Status.SKIPPED) {
      return report.input() + ": skipped, its outputs exist";
    }
    StringBuilder sb = new StringBuilder().append(report.input()).append(':');
    String lastTarget = null;
    List<String> files = new ArrayList<>();
    for (HeatmapOutput output : report.heatmaps()) {
      String target = String.format(Locale.ROOT, " %s (%d) p=%.3f", output.target().name(),
          output.target().index(), output.target().probability());
      if (!target.equals(lastTarget)) {
        if (lastTarget != null) {
          sb.append(" -> ").append(braced(files)).append(';');
          files.clear();
        }
        sb.append(target);
        lastTarget = target;
      }
      files.add(output.png().toString());
    }
    if (!files.isEmpty()) {
      sb.append(" -> ").append(braced(files));
    }
    return sb.append(" (").append(report.millis()).append(" ms)").toString();
  }

  /**
   * Names sharing a start and an end written once, as a shell's braces would expand them:
   * {@code out/cat.{gradcam,layercam}.png}. The shared parts end at a '.' or '/' so that a method's
   * name is never split.
   */
  static String braced(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    String first = names.get(0);
    int prefix = first.length();
    int suffix = first.length();
    for (String name : names) {
      prefix = Math.min(prefix, commonPrefix(first, name));
      suffix = Math.min(suffix, commonSuffix(first, name));
    }
    prefix = Math.max(first.lastIndexOf('.', prefix - 1), first.lastIndexOf('/', prefix - 1)) + 1;
    int shortest = names.stream().mapToInt(String::length).min().orElse(0);
    suffix = Math.min(suffix, shortest - prefix);
    int dot = first.indexOf('.', first.length() - suffix);
    suffix = dot < 0 ? 0 : first.length() - dot;
    List<String> middles = new ArrayList<>();
    for (String name : names) {
      middles.add(name.substring(prefix, name.length() - suffix));
    }
    return first.substring(0, prefix) + "{" + String.join(",", middles) + "}" + first.substring(first.length() - suffix);
  }

  /** Length of the longest common start of {@code a} and {@code b}. */
  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }

  /** Length of the longest common end of {@code a} and {@code b}. */
  private static int commonSuffix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
      n++;
    }
    return n;
  }
}
