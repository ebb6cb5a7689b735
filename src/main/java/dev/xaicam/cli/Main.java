package dev.xaicam.cli;

import dev.xaicam.explain.NetworkLoader;
import dev.xaicam.image.NativeStderr;
import java.util.Set;

/** Process entry point: runs the command line and exits with its code. */
public final class Main {
  /** Arguments that only print text: such a run decodes nothing and loads nothing native. */
  private static final Set<String> TEXT_ONLY = Set.of("-h", "--help", "-V", "--version", "help");
  /** Subcommand names, none of which is an explain run. */
  private static final Set<String> SUBCOMMANDS = XaiCamCommand.subcommandNames();

  private Main() {}

  /** Runs {@code xai-cam} with {@code args} and exits with the mapped exit code. */
  public static void main(String[] args) {
    boolean textOnly = printsTextOnly(args);
    if (!textOnly) {
      if (explainsWithDefaultThreads(args)) {
        // TensorFlow's library takes over a second to load; it loads while picocli, the
        // catalogue and the inputs take their turn. Only the natives: weights come later.
        NetworkLoader.startLoadingEngine(null);
      }
      // Before picocli keeps a reference to System.err: native decoder lines must not reach it.
      NativeStderr.install();
    }
    System.exit(XaiCamCommand.commandLineFor(args, textOnly).execute(args));
  }

  /**
   * Whether the arguments run the explain command (no subcommand) without {@code --threads}:
   * then TensorFlow can start before the options are parsed, because its thread pools are sized
   * once, at load, and the default is what the run will ask for.
   */
  static boolean explainsWithDefaultThreads(String[] args) {
    if (args.length == 0 || SUBCOMMANDS.contains(args[0])) {
      return false;
    }
    for (String arg : args) {
      if (arg.startsWith("--threads")) {
        return false;
      }
    }
    return true;
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
