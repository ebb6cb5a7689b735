package dev.xaicam.cli;

import dev.xaicam.models.DownloadListener;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;

/**
 * Shows a weight download on standard error: a live bar on a terminal, otherwise a line per
 * tenth of the file.
 */
final class DownloadProgress implements DownloadListener {
  /** Without a bar, one line per this fraction of the download. */
  private static final int LOG_STEPS = 10;
  /** Bytes per megabyte, as the messages count them. */
  private static final long MB = 1_000_000;

  /** Where the messages go. */
  private final PrintStream sink;
  /** Whether to draw a live bar. */
  private final boolean bar;
  /** What is downloading, e.g. "VGG16 weights". */
  private String what;
  /** Its size in bytes. */
  private long total;
  /** The live bar of the download in progress, or {@code null}. */
  private ProgressBar progressBar;
  /** How many tenths have been logged so far. */
  private int loggedSteps;

  /** Progress on {@code sink}, as a live bar when {@code bar}. */
  DownloadProgress(PrintStream sink, boolean bar) {
    this.sink = sink;
    this.bar = bar;
  }

  /** Progress on standard error: a bar when it is a terminal. */
  static DownloadProgress onStderr() {
    return new DownloadProgress(System.err, Terminal.stderrIsTerminal());
  }

  @Override
  public void started(String what, URI from, Path to, long bytes) {
    this.what = what;
    this.total = bytes;
    this.loggedSteps = 0;
    if (bytes < 0) {
      // Neither Keras nor the server said how big it is: a line, no bar, no percentages.
      sink.printf("Downloading %s (size unknown) from %s to %s%n", what, from, to);
      progressBar = null;
      return;
    }
    sink.printf("Downloading %s (%,d MB) from %s to %s%n", what, bytes / MB, from, to);
    progressBar = bar ? ProgressBars.start(what, bytes, "MB", MB, sink) : null;
  }

  @Override
  public void progressed(long received) {
    if (progressBar != null) {
      progressBar.stepTo(received);
      return;
    }
    if (total <= 0) {
      return;
    }
    int step = (int) (received * LOG_STEPS / total);
    if (step > loggedSteps) {
      loggedSteps = step;
      sink.printf("Downloading %s: %d%% (%,d of %,d MB)%n", what, step * 100 / LOG_STEPS, received / MB, total / MB);
    }
  }

  @Override
  public void ended() {
    if (progressBar != null) {
      progressBar.close();
      progressBar = null;
    }
  }
}
