package dev.xaicam.cli;


/** Process entry point: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  /** Runs {@code xai-cam} with {@code args} and exits with the mapped exit code. */
  public static void main(String[] args) {
    System.exit(XaiCamCommand.commandLine().execute(args));
  }
}
