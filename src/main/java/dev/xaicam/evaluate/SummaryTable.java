package dev.xaicam.evaluate;

import dev.xaicam.metrics.MeanInterval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The evaluation's summary as a Markdown table (methods x metrics, mean +- 95% interval) or JSON. */
public final class SummaryTable {
  /** Column headings by metric key, in table order. */
  private static final Map<String, String> HEADINGS = new LinkedHashMap<>();

  static {
    HEADINGS.put("average_drop_percent", "Average Drop % (lower better)");
    HEADINGS.put("increase_in_confidence_percent", "Increase in Confidence % (higher better)");
    HEADINGS.put("deletion_auc", "Deletion AUC (lower better)");
    HEADINGS.put("insertion_auc", "Insertion AUC (higher better)");
    HEADINGS.put("road_morf", "ROAD MoRF (lower better)");
    HEADINGS.put("road_lerf", "ROAD LeRF (higher better)");
  }

  /** Not instantiable. */
  private SummaryTable() {}

  /** The Markdown table: a row per method, a column per metric measured. */
  public static String markdown(List<MethodSummary> methods) {
    if (methods.isEmpty()) {
      return "no image was evaluated\n";
    }
    List<String> keys = List.copyOf(methods.get(0).metrics().keySet());
    StringBuilder out = new StringBuilder("| method | images |");
    StringBuilder rule = new StringBuilder("|---|---:|");
    for (String key : keys) {
      out.append(' ').append(HEADINGS.get(key)).append(" |");
      rule.append("---:|");
    }
    out.append('\n').append(rule).append('\n');
    for (MethodSummary m : methods) {
      out.append("| ").append(m.method()).append(" | ").append(m.averageDrop().count()).append(" |");
      m.metrics().forEach((key, v) ->
          out.append(' ').append(text(v, key.endsWith("_percent"))).append(" |"));
      out.append('\n');
    }
    return out.toString();
  }

  /** The summary as JSON-ready maps: per method its metrics (mean, ci95, n) and mean curves. */
  public static List<Map<String, Object>> json(List<MethodSummary> methods) {
    return methods.stream().map(m -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("method", m.method());
      m.metrics().forEach((key, v) -> {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("mean", v.mean());
        value.put("ci95", Double.isNaN(v.halfWidth()) ? null : v.halfWidth());
        value.put("n", v.count());
        row.put(key, value);
      });
      row.put("deletion_curve", m.deletionCurve());
      row.put("insertion_curve", m.insertionCurve());
      return row;
    }).toList();
  }

  /** "mean ± half-width", three decimals (percentages: one); the interval left out for one image. */
  static String text(MeanInterval v, boolean percent) {
    String format = percent ? "%.1f" : "%.3f";
    String mean = String.format(Locale.ROOT, format, v.mean());
    return Double.isNaN(v.halfWidth()) ? mean
        : mean + " ± " + String.format(Locale.ROOT, format, v.halfWidth());
  }
}
