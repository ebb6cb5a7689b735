package dev.xaicam.cli;

import dev.xaicam.explain.BatchRun;
import dev.xaicam.output.AtomicFile;
import dev.xaicam.output.ImageReport;
import dev.xaicam.output.JsonReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What the explain command prints per image and at the end: a human line or a JSON object on
 * standard output, failures on standard error, and the JSON Lines {@code --report} file.
 */
final class ReportPrinter implements BatchRun.Listener {
  private final PrintWriter out;
  private final PrintWriter err;
  /** Whether standard output carries JSON. */
  private final boolean json;
  /** Whether per-image lines are silenced. */
  private final boolean quiet;
  /** The {@code --report} file, or {@code null}. */
  private final Path reportFile;
  /** The report file's lines so far, written whole at the end. */
  private final StringBuilder reportLines = new StringBuilder();

  /** A printer to {@code out} and {@code err}, and to {@code reportFile} if not {@code null}. */
  ReportPrinter(PrintWriter out, PrintWriter err, boolean json, boolean quiet, Path reportFile) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.quiet = quiet;
    this.reportFile = reportFile;
  }

  /** Prints one image's line (or JSON object) and keeps it for the report file. */
  @Override
  public void finished(ImageReport report) {
    String jsonLine = json || reportFile != null ? JsonReport.line(report) : null;
    if (reportFile != null) {
      reportLines.append(jsonLine).append('\n');
    }
    if (report.status() == ImageReport.Status.ERROR) {
      err.println("xai-cam: " + OneLine.of(report.error()));
      err.flush();
    }
    if (json) {
      out.println(jsonLine);
    } else if (!quiet && report.status() != ImageReport.Status.ERROR) {
      out.println(OneLine.of(HumanReport.line(report)));
    }
    out.flush();
  }

  /**
   * Ends the run: the JSON summary line (batch runs with {@code --json}), the report file, and the
   * one-line text summary on standard error (batch runs without {@code --json} or {@code -q}).
   */
  void summary(BatchRun.Summary summary, boolean batchMode) {
    String summaryLine = JsonReport.summary(summary.ok(), summary.skipped(), summary.failed(), summary.millis());
    if (json && batchMode) {
      out.println(summaryLine);
      out.flush();
    }
    if (reportFile != null) {
      AtomicFile.write(reportFile, reportLines.append(summaryLine).append('\n').toString()
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The closing line on standard error of a batch run printed as text. */
  void textSummary(BatchRun.Summary summary, boolean batchMode) {
    if (batchMode && !json && !quiet) {
      err.printf("xai-cam: %d explained, %d skipped, %d failed in %.1f s%s%n", summary.ok(), summary.skipped(),
          summary.failed(), summary.millis() / 1000.0, summary.stoppedAtFailure() ? " (stopped: --fail-fast)" : "");
      err.flush();
    }
  }
}
