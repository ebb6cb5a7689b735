package dev.xaicam;

import java.nio.file.Path;

/**
 * The one exception type of xai-cam: a message fit for a single line on the terminal plus the
 * process exit code it maps to.
 *
 * <p>Every stage throws this (through its factories) for anything a user can cause or fix; the
 * CLI's one handler prints {@link #getMessage()} and exits with {@link #exitCode()}.
 */
public final class XaiCamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code: everything succeeded. */
  public static final int EXIT_OK = 0;
  /** Exit code: at least one input (image, weight file, ...) could not be processed. */
  public static final int EXIT_INPUT = 1;
  /** Exit code: the command line itself is wrong. */
  public static final int EXIT_USAGE = 2;
  /** Exit code: the tool cannot run here (weights missing, natives failed to load, disk full). */
  public static final int EXIT_SETUP = 3;
  /** Exit code: interrupted (SIGINT), as shells report 128 + 2. */
  public static final int EXIT_INTERRUPTED = 130;

  private final int exitCode;

  private XaiCamException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A wrong command line: bad option value, unknown method or layer or class. */
  public static XaiCamException usage(String message) {
    return new XaiCamException(EXIT_USAGE, message, null);
  }

  /** One input file that cannot be used; the message names the file, then the reason. */
  public static XaiCamException badInput(Path file, String reason) {
    return new XaiCamException(EXIT_INPUT, file + ": " + reason, null);
  }

  /** One input file that cannot be used, keeping the low-level cause for {@code --verbose}. */
  public static XaiCamException badInput(Path file, String reason, Throwable cause) {
    return new XaiCamException(EXIT_INPUT, file + ": " + reason, cause);
  }

  /** The environment stops the tool: weights absent or corrupt, download failed, natives missing. */
  public static XaiCamException setup(String message) {
    return new XaiCamException(EXIT_SETUP, message, null);
  }

  /** As {@link #setup(String)}, keeping the low-level cause for {@code --verbose}. */
  public static XaiCamException setup(String message, Throwable cause) {
    return new XaiCamException(EXIT_SETUP, message, cause);
  }

  /** The process exit code this failure maps to. */
  public int exitCode() {
    return exitCode;
  }
}
