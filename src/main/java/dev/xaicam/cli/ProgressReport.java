package dev.xaicam.cli;

import dev.xaicam.explain.BatchRun;
import dev.xaicam.output.ImageReport;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;

/**
 * How far a run has got, on standard error: a progress bar (done/total, rate, time left) when
 * standard error is a terminal, otherwise a plain log line every few seconds, or nothing.
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

  private final BatchRun.Listener next;
  private final Mode mode;
  private final PrintStream err;
  private final int total;
  private final ProgressBar bar;
  private final long start = System.nanoTime();
  private long lastLog = System.nanoTime();
  private int done;

  ProgressReport(Mode mode, int total, PrintStream err, BatchRun.Listener next) {
    this.mode = mode;
    this.total = total;
    this.err = err;
    this.next = next;
    this.bar = mode == Mode.BAR ? ProgressBars.start("xai-cam", total, " img", 1, err) : null;
  }

  /** Passes the report on, then advances the bar or logs. */
  @Override
  public void finished(ImageReport report) {
    next.finished(report);
    done++;
    if (bar != null) {
      bar.stepTo(done);
    } else if (mode == Mode.LOG) {
      long now = System.nanoTime();
      if (now - lastLog >= LOG_EVERY_NANOS || done == total) {
        lastLog = now;
        double seconds = (now - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        long left = Math.round((total - done) / Math.max(rate, 1e-9));
        err.printf("xai-cam: %d/%d images, %.2f img/s, about %d s left%n", done, total, rate, left);
        err.flush();
      }
    }
  }

  /** Finishes the bar's line. */
  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
