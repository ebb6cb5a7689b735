package dev.xaicam.cli;

import dev.xaicam.XaiCamException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place failures become output: a single line on standard error (the stack trace only
 * with {@code --verbose}) and the exit code the failure maps to.
 */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  /** Maps a command's uncaught exception to one line and an exit code. */
  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (verbose(parseResult)) {
      e.printStackTrace(err);
    }
    if (e instanceof XaiCamException x) {
      err.println("xai-cam: " + OneLine.of(x.getMessage()));
      err.flush();
      return x.exitCode();
    }
    err.println("xai-cam: internal error: " + OneLine.of(e.toString())
        + (verbose(parseResult) ? "" : " (run with --verbose for details)"));
    err.flush();
    return XaiCamException.EXIT_INPUT;
  }

  /** Maps a command-line syntax error to one line, a pointer to --help, and exit code 2. */
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("xai-cam: " + OneLine.of(e.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try 'xai-cam --help' for more information.");
    err.flush();
    return XaiCamException.EXIT_USAGE;
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
