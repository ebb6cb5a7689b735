package dev.xaicam.cli;

import dev.xaicam.image.NativeStderr;

/** Process entry point: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  /** Runs {@code xai-cam} with {@code args} and exits with the mapped exit code. */
  public static void main(String[] args) {
    // Before picocli keeps a reference to System.err: native decoder lines must not reach it.
    NativeStderr.install();
    System.exit(XaiCamCommand.commandLine().execute(args));
  }
}
