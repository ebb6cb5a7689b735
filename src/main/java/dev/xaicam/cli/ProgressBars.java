package dev.xaicam.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/** The one way the CLI draws a live bar: ASCII, redrawn every second, on the stream given. */
final class ProgressBars {
  /** How often a bar is redrawn, even when nothing advanced, so its clock never stands still. */
  private static final int REFRESH_MILLIS = 1000;

  private ProgressBars() {}

  /** A started bar named {@code task} counting to {@code max}, shown in {@code unit}s of {@code unitSize}, with speed. */
  static ProgressBar start(String task, long max, String unit, long unitSize, PrintStream sink) {
    return builder(task, max, new ConsoleProgressBarConsumer(sink)).setUnit(unit, unitSize).showSpeed().build();
  }

  /** A started bar of {@code total} images drawn on {@code line}, its time left from {@code eta}. */
  static ProgressBar images(long total, ProgressBarConsumer line,
      Function<ProgressState, Optional<Duration>> eta) {
    return builder("xai-cam", total, line).setUnit(" img", 1).setEtaFunction(eta).build();
  }

  /** The settings every bar shares. */
  private static ProgressBarBuilder builder(String task, long max, ProgressBarConsumer consumer) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(REFRESH_MILLIS)
        .continuousUpdate()
        .setConsumer(consumer);
  }
}
