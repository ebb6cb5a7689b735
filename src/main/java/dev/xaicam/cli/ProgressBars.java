package dev.xaicam.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The one way the CLI draws a live bar: ASCII, with speed, on the stream given. */
final class ProgressBars {
  private ProgressBars() {}

  /** A started bar named {@code task} counting to {@code max}, shown in {@code unit}s of {@code unitSize}. */
  static ProgressBar start(String task, long max, String unit, long unitSize, PrintStream sink) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setUnit(unit, unitSize)
        .setStyle(ProgressBarStyle.ASCII)
        .showSpeed()
        .setConsumer(new ConsoleProgressBarConsumer(sink))
        .build();
  }
}
