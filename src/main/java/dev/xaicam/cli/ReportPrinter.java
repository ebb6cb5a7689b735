package dev.xaicam.cli;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.BatchRun;
import dev.xaicam.output.ImageReport;
import dev.xaicam.output.JsonReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the explain command prints per image and at the end: a human line or a JSON object on
 * standard output, failures on standard error, and the JSON Lines {@code --report} file, to which
 * each image's line is appended and flushed as it finishes, so a killed run keeps every finished
 * line and a resumed run adds to the same file.
 */
final class ReportPrinter implements BatchRun.Listener, AutoCloseable {
  private final PrintWriter out;
  private final PrintWriter err;
  /** Whether standard output carries JSON. */
  private final boolean json;
  /** Whether per-image lines are silenced. */
  private final boolean quiet;
  /** The {@code --report} file, or {@code null}. */
  private final Path reportFile;
  /** The open {@code --report} file, appended to, or {@code null}. */
  private final BufferedWriter report;
  /** Hides and shows the progress bar around each line, so lines print above it. */
  private LinePrinting lines = LinePrinting.PLAIN;

  /**
   * How per-image lines share the terminal with a live progress bar: {@code hide} before a line
   * is printed, {@code show} after it.
   */
  interface LinePrinting {
    /** No bar: nothing to hide or show. */
    LinePrinting PLAIN = new LinePrinting() {
      @Override
      public void hide() {}

      @Override
      public void show() {}
    };

    /** Takes the bar off the screen's last line. */
    void hide();

    /** Puts the bar back. */
    void show();
  }

  /** A printer to {@code out} and {@code err}, appending to {@code reportFile} if not {@code null}. */
  ReportPrinter(PrintWriter out, PrintWriter err, boolean json, boolean quiet, Path reportFile) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.quiet = quiet;
    this.reportFile = reportFile;
    try {
      this.report = reportFile == null ? null : Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw XaiCamException.setup("cannot write --report " + reportFile + ": " + e.getMessage(), e);
    }
  }

  /** Prints lines above a live progress bar from now on. */
  void printAbove(LinePrinting bar) {
    this.lines = bar;
  }

  /** Prints one image's line (or JSON object) and keeps it for the report file. */
  @Override
  public void finished(ImageReport report) {
    String jsonLine = json || reportFile != null ? JsonReport.line(report) : null;
    appendToReport(jsonLine);
    lines.hide();
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
    lines.show();
  }

  /**
   * Keeps one image's line for the report file only, printing nothing: a skipped image when the
   * whole run had nothing to do, which one closing line sums up.
   */
  void recordOnly(ImageReport report) {
    if (reportFile != null) {
      appendToReport(JsonReport.line(report));
    }
  }

  /** Appends one line to the report file and flushes it to the operating system. */
  private void appendToReport(String line) {
    if (report == null) {
      return;
    }
    try {
      report.write(line);
      report.write('\n');
      report.flush();
    } catch (IOException e) {
      throw XaiCamException.setup("cannot write --report " + reportFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Ends the run: the JSON summary line (batch runs with {@code --json}), the report file, and the
   * one-line text summary on standard error (batch runs without {@code --json} or {@code -q}).
   */
  void summary(BatchRun.Summary summary, boolean batchMode) {
    if (!(json && batchMode) && report == null) {
      return;
    }
    String summaryLine = JsonReport.summary(summary.ok(), summary.skipped(), summary.failed(), summary.millis());
    if (json && batchMode) {
      out.println(summaryLine);
      out.flush();
    }
    appendToReport(summaryLine);
  }

  /**
   * The closing lines on standard error: the counts of a batch run printed as text, and, whatever
   * the output mode, how many of the {@code total} images an interruption left and how to resume.
   */
  void textSummary(BatchRun.Summary summary, boolean batchMode, int total) {
    if (batchMode && !json && !quiet) {
      err.printf("xai-cam: %d explained, %d skipped, %d failed in %.1f s%s%n", summary.ok(), summary.skipped(),
          summary.failed(), summary.millis() / 1000.0, summary.stoppedAtFailure() ? " (stopped: --fail-fast)" : "");
    }
    if (summary.interrupted()) {
      int left = total - summary.ok() - summary.skipped() - summary.failed();
      err.printf("xai-cam: interrupted: %d of %d images left; rerun with --skip-existing to resume%n", left, total);
    }
    err.flush();
  }

  /** Closes the report file. */
  @Override
  public void close() throws IOException {
    if (report != null) {
      report.close();
    }
  }
}
