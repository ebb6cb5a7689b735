package dev.xaicam.cli;

import dev.xaicam.ToolHome;
import dev.xaicam.explain.NetworkLoader;
import dev.xaicam.image.NativeStderr;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/** Process entry point: runs the command line and exits with its code. */
public final class Main {
  /** Arguments that only print text: such a run decodes nothing and loads nothing native. */
  private static final Set<String> TEXT_ONLY = Set.of("-h", "--help", "-V", "--version", "help");
  /** The arguments that ask for help, alone or as {@code help SUB}, {@code SUB --help}. */
  private static final Set<String> HELP = Set.of("-h", "--help", "help");

  private Main() {}

  /** Runs {@code xai-cam} with {@code args} and exits with the mapped exit code. */
  public static void main(String[] args) {
    if (isHelpRequest(args)) {
      Optional<HelpCache> cache = HelpCache.forThisProcess(ToolHome.current());
      if (cache.isPresent()) {
        System.exit(printHelp(args, cache.get(), System.out));
      }
    }
    boolean textOnly = printsTextOnly(args);
    if (!textOnly) {
      CompletableFuture<Void> stderrInstalled = new CompletableFuture<>();
      if (explainsWithDefaultThreads(args)) {
        // TensorFlow's library takes most of a second to load; it loads while picocli, the
        // catalogue and the inputs take their turn. Only the natives: weights come later. Its
        // 1 GB library waits for NativeStderr below: JNA loads a library of its own, which would
        // otherwise wait the 0.3 s TensorFlow's holds the dynamic linker.
        NetworkLoader.startLoadingEngine(null, stderrInstalled);
      }
      try {
        // Before picocli keeps a reference to System.err: native decoder lines must not reach it.
        NativeStderr.install();
      } finally {
        stderrInstalled.complete(null);
      }
    }
    System.exit(CommandTree.commandLineFor(args, textOnly).execute(args));
  }

  /**
   * Prints the help {@code args} ask for: from {@code cache} when it holds it, else as picocli
   * renders it, which the cache then keeps when the command succeeded.
   *
   * @return the exit code
   */
  static int printHelp(String[] args, HelpCache cache, PrintStream out) {
    Optional<String> kept = cache.lookUp(args);
    if (kept.isPresent()) {
      out.print(kept.get());
      out.flush();
      return 0;
    }
    StringWriter text = new StringWriter();
    CommandLine commandLine = CommandTree.commandLineFor(args, true);
    commandLine.setOut(new PrintWriter(text, true));
    int code = commandLine.execute(args);
    out.print(text);
    out.flush();
    if (code == 0) {
      cache.store(args, text.toString());
    }
    return code;
  }

  /**
   * Whether {@code args} only ask for help: {@code --help}, {@code -h} or {@code help} alone, or
   * with one subcommand's name ({@code help SUB}, {@code SUB --help}). Anything else, such as
   * {@code -o help dog.jpg}, is not, so no run's output could be kept as help.
   */
  static boolean isHelpRequest(String[] args) {
    if (args.length == 1) {
      return HELP.contains(args[0]);
    }
    if (args.length == 2) {
      return args[0].equals("help") && SubcommandNames.ALL.contains(args[1])
          || SubcommandNames.ALL.contains(args[0]) && !args[0].equals("help")
              && (args[1].equals("--help") || args[1].equals("-h"));
    }
    return false;
  }

  /**
   * Whether the arguments run the explain command (no subcommand) without {@code --threads}:
   * then TensorFlow can start before the options are parsed, because its thread pools are sized
   * once, at load, and the default is what the run will ask for.
   */
  static boolean explainsWithDefaultThreads(String[] args) {
    if (args.length == 0 || SubcommandNames.ALL.contains(args[0])) {
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
