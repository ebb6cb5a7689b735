package dev.xaicam.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Locale;

/** A {@link BenchmarkResult} as a text table (Markdown, pasteable into the README) or JSON. */
public final class BenchmarkReport {
  /** Writes records by their component names. */
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Static functions only. */
  private BenchmarkReport() {}

  /** The result as one JSON object (fields as the records' components; sizes in bytes). */
  public static String json(BenchmarkResult result) {
    try {
      return MAPPER.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("benchmark result not serialisable: " + e.getMessage(), e);
    }
  }

  /** The result as Markdown tables. */
  public static String text(BenchmarkResult result) {
    StringBuilder sb = new StringBuilder();
    Machine m = result.machine();
    sb.append(String.format(Locale.ROOT, "machine: %s, %d cores, AVX2 %s, Java %s, heap limit %d MB%n",
        m.cpu(), m.cores(), m.avx2() ? "yes" : "no", m.java(), m.maxHeapBytes() >> 20));
    sb.append(String.format(Locale.ROOT,
        "model: %s; weights: %s; inputs: %s; TensorFlow threads: %s intra-op, %s inter-op%n%n",
        m.model(), m.weights(), m.inputs(), threads(m.tensorflowThreads()),
        threads(m.tensorflowInterOpThreads())));

    if (!result.oneShot().isEmpty()) {
      sb.append("| one-shot run, process start to exit | page cache | runs | wall s (median) | CPU s (median) |\n")
          .append("|---|---|---|---|---|\n");
      for (OneShotTiming t : result.oneShot()) {
        sb.append(String.format(Locale.ROOT, "| %s%s | %s | %d | %.2f | %s |%n", t.what(),
            t.exitCode() == 0 ? "" : " (FAILED, exit " + t.exitCode() + ")", t.pageCache(), t.runs(),
            t.wallSeconds(), t.cpuSeconds() == null ? "?" : String.format(Locale.ROOT, "%.2f",
                t.cpuSeconds())));
      }
      sb.append('\n');
    }

    Startup s = result.startup();
    sb.append("| start-up, inside this process | seconds |\n|---|---|\n");
    row(sb, "native library load", s.engineLoad());
    row(sb, s.weightsFromFile() ? "weight load (Keras HDF5)" : "random weights (no file)",
        s.weightsLoad());
    row(sb, "weights into native tensors", s.networkBuild());
    row(sb, "first Grad-CAM heatmap (cold)", s.firstHeatmap());
    if (s.firstHeatmapSinceProcessStart() != null) {
      row(sb, "process start to first heatmap", s.firstHeatmapSinceProcessStart());
    }
    if (result.decodeSecondsPerImage() != null) {
      row(sb, "decode + preprocess one image file", result.decodeSecondsPerImage());
    }

    sb.append("\n| what | batch | images | s per image | x forward | peak RSS MB |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Timing t : result.forward()) {
      timing(sb, t);
    }
    for (Timing t : result.methods()) {
      timing(sb, t);
    }
    if (!result.peakResetWorks()) {
      sb.append("(peak RSS is the process peak so far: this kernel cannot reset it per case)\n");
    }

    if (!result.scoreCam().isEmpty()) {
      sb.append("\n| Score-CAM image | channels | constant (skipped) | masked passes |\n")
          .append("|---|---|---|---|\n");
      for (ScoreCamSkips k : result.scoreCam()) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", k.image(),
            k.selectedChannels(), k.constantChannels(), k.forwardPasses()));
      }
    }
    if (result.soak() != null) {
      Soak soak = result.soak();
      sb.append(String.format(Locale.ROOT,
          "%nsoak: %d images, forward + backward + Grad-CAM, batch %d%n", soak.images(),
          soak.batchSize()));
      sb.append("| when | RSS MB | heap MB (after GC) | live tensors | open scopes |\n")
          .append("|---|---|---|---|---|\n");
      memory(sb, "after first batch", soak.start());
      memory(sb, "at end", soak.end());
    }
    return sb.toString();
  }

  /** A thread count, 0 meaning TensorFlow's own default. */
  private static String threads(int n) {
    return n == 0 ? "default" : Integer.toString(n);
  }

  /** One start-up row. */
  private static void row(StringBuilder sb, String what, double seconds) {
    sb.append(String.format(Locale.ROOT, "| %s | %.2f |%n", what, seconds));
  }

  /** One timing row. */
  private static void timing(StringBuilder sb, Timing t) {
    sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %s | %s |%n", t.what(),
        t.batchSize(), t.images(), t.secondsPerImage(),
        t.timesForward() == null ? "" : String.format(Locale.ROOT, "%.2f", t.timesForward()),
        t.peakRssBytes() < 0 ? "?" : Long.toString(t.peakRssBytes() >> 20)));
  }

  /** One memory row. */
  private static void memory(StringBuilder sb, String when, MemorySample m) {
    sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d |%n", when,
        m.rssBytes() < 0 ? "?" : Long.toString(m.rssBytes() >> 20), m.heapUsedBytes() >> 20,
        m.liveTensors(), m.openScopes()));
  }
}
