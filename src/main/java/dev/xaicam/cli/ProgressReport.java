package dev.xaicam.cli;

import dev.xaicam.explain.BatchRun;
import dev.xaicam.output.ImageReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;

/**
 * How far a run has got, on standard error: a progress bar (done/total, seconds per image, time
 * left) redrawn every second when standard error is a terminal, with the per-image lines printed
 * above it; otherwise a plain log line every few seconds, or nothing. The time left is estimated
 * from the images explained only: skipped ones cost nothing, and the weight load is over before
 * the first image starts.
 */
final class ProgressReport implements BatchRun.Listener, AutoCloseable {
  private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

  /** How progress is shown. */
  enum Mode {
    /** Nothing at all ({@code --quiet}, or a single image). */
    NONE,
    /** An updating bar on a terminal. */
    BAR,
    /** A log line every ten seconds, for CI logs and files. */
    LOG
  }

  private final ReportPrinter next;
  private final Mode mode;
  private final PrintStream err;
  private final int total;
  private final ProgressBar bar;
  private final long start = System.nanoTime();
  private long lastLog = System.nanoTime();
  /** Images reported, skipped ones included. */
  private volatile int done;
  /** Images explained (or failed while explained): the ones the time left is estimated from. */
  private volatile int explained;
  /** Whether the bar has been closed. */
  private boolean closed;

  /**
   * Progress of {@code total} images in {@code mode} on {@code err}, each report passed on to
   * {@code next} first ({@code null}: nothing prints per image, as in {@code evaluate}).
   */
  ProgressReport(Mode mode, int total, PrintStream err, ReportPrinter next) {
    this.mode = mode;
    this.total = total;
    this.err = err;
    this.next = next;
    if (mode == Mode.BAR) {
      BarLine line = new BarLine(err);
      this.bar = ProgressBars.images(total, line, state -> secondsLeft().map(Duration::ofSeconds));
      if (next != null) {
        next.printAbove(line);
      }
    } else {
      this.bar = null;
    }
  }

  /** Passes the report on, then advances the bar or logs. */
  @Override
  public void finished(ImageReport report) {
    if (next != null) {
      next.finished(report);
    }
    done++;
    if (report.status() != ImageReport.Status.SKIPPED) {
      explained++;
    }
    if (bar != null) {
      secondsPerImage().ifPresent(s -> bar.setExtraMessage(String.format(Locale.ROOT, "%.2f s/img", s)));
      bar.stepTo(done);
    } else if (mode == Mode.LOG) {
      long now = System.nanoTime();
      if (now - lastLog >= LOG_EVERY_NANOS || done == total) {
        lastLog = now;
        String left = secondsLeft().map(s -> "about " + s + " s left").orElse("time left not known yet");
        err.printf("xai-cam: %d/%d images, %s%n", done, total, left);
        err.flush();
      }
    }
  }

  /** Seconds per explained image so far; empty before the first. */
  private Optional<Double> secondsPerImage() {
    int n = explained;
    return n == 0 ? Optional.empty() : Optional.of((System.nanoTime() - start) / 1e9 / n);
  }

  /** The images not yet reported at the pace of those explained; empty before the first. */
  Optional<Long> secondsLeft() {
    return secondsPerImage().map(s -> Math.round(s * (total - done)));
  }

  /** Finishes the bar's line; closing again does nothing. */
  @Override
  public void close() {
    if (bar != null && !closed) {
      closed = true;
      bar.close();
      if (next != null) {
        next.printAbove(ReportPrinter.LinePrinting.PLAIN);
      }
    }
  }
}
