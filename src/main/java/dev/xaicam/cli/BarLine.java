package dev.xaicam.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * The terminal line a progress bar is drawn on, shared with the per-image lines: {@link #hide()}
 * takes the bar off the line before one is printed and {@link #show()} draws it again below, so a
 * line never runs through the bar. The bar's own refresh thread draws nothing while it is hidden.
 */
final class BarLine implements ProgressBarConsumer, ReportPrinter.LinePrinting {
  /** Erases the cursor's line: carriage return, then ANSI "erase to end of line". */
  private static final String ERASE = "\r\u001b[K";
  /** The terminal stream. */
  private final PrintStream sink;
  /** Draws the bar, cut to the terminal's width. */
  private final ConsoleProgressBarConsumer console;
  /** The bar as last rendered, drawn again by {@link #show()}. */
  private String last = "";
  /** Whether a line is being printed where the bar was. */
  private boolean hidden;

  /** A bar line on {@code sink}, a terminal. */
  BarLine(PrintStream sink) {
    this.sink = sink;
    this.console = new ConsoleProgressBarConsumer(sink);
  }

  @Override
  public synchronized void accept(String rendered) {
    last = rendered;
    if (!hidden) {
      console.accept(rendered);
    }
  }

  @Override
  public int getMaxRenderedLength() {
    return console.getMaxRenderedLength();
  }

  @Override
  public synchronized void hide() {
    hidden = true;
    sink.print(ERASE);
    sink.flush();
  }

  @Override
  public synchronized void show() {
    hidden = false;
    console.accept(last);
  }

  @Override
  public void close() {
    console.close();
  }
}
