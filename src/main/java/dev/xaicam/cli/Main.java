package dev.xaicam.cli;

import dev.xaicam.image.NativeStderr;
import java.util.Set;

/** Process entry point: runs the command line and exits with its code. */
public final class Main {
  /** Arguments that only print text: such a run decodes nothing and loads nothing native. */
  private static final Set<String> TEXT_ONLY = Set.of("-h", "--help", "-V", "--version", "help");

  private Main() {}

  /** Runs {@code xai-cam} with {@code args} and exits with the mapped exit code. */
  public static void main(String[] args) {
    if (!printsTextOnly(args)) {
      // Before picocli keeps a reference to System.err: native decoder lines must not reach it.
      NativeStderr.install();
    }
    System.exit(XaiCamCommand.commandLine().execute(args));
  }

  /**
   * Whether the arguments ask for help or the version (before any {@code --}): then the native
   * stderr redirection, whose C library binding costs a third of {@code --help}'s time, is skipped.
   */
  static boolean printsTextOnly(String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (TEXT_ONLY.contains(arg)) {
        return true;
      }
    }
    return false;
  }
}
