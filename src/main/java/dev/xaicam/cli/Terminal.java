package dev.xaicam.cli;

/** Whether the standard streams are terminals, as the launcher script found out. */
final class Terminal {
  private Terminal() {}

  /**
   * Whether standard error is a terminal. Java cannot ask isatty(2) itself, so {@code bin/xai-cam}
   * passes {@code XAI_CAM_STDERR_TTY=1}; without the launcher, a console on stdin/stdout is the
   * best guess.
   */
  static boolean stderrIsTerminal() {
    String flag = System.getenv("XAI_CAM_STDERR_TTY");
    if (flag != null) {
      return flag.equals("1");
    }
    return System.console() != null;
  }
}
