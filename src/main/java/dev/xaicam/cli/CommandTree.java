package dev.xaicam.cli;

import dev.xaicam.models.ModelCatalog;
import java.util.Arrays;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

/**
 * The configured command tree: the explain command ({@link XaiCamCommand}) with its subcommands,
 * one failure handler and plain help, built whole or, for a run explaining images, without the
 * subcommands.
 */
public final class CommandTree {
  /**
   * The subcommands, in the order help lists them. They are added in code, not through the
   * annotation, so that a command line explaining images can leave them out: picocli builds the
   * model of every subcommand it is given, a tenth of a second of a one-image run.
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(ModelsCommand.class, LayersCommand.class,
      BenchCommand.class, EvaluateCommand.class, RandomWeightsCommand.class, HelpCommand.class,
      AutoComplete.GenerateCompletion.class);

  /** Static factories only. */
  private CommandTree() {}

  /** The command line over the built-in models, every subcommand included. */
  public static CommandLine commandLine() {
    return commandLine(new XaiCamCommand(), true);
  }

  /** The command line over {@code catalog}, every subcommand included (tests give a tiny one). */
  public static CommandLine commandLine(ModelCatalog catalog) {
    return commandLine(new XaiCamCommand(catalog), true);
  }

  /**
   * The command line {@code args} need: without the subcommands when no argument names one and
   * none asks for help (which lists them), so an explain run does not build their models.
   */
  static CommandLine commandLineFor(String[] args, boolean printsTextOnly) {
    boolean needsSubcommands = args.length == 0 || printsTextOnly
        || Arrays.stream(args).anyMatch(SubcommandNames.ALL::contains);
    return commandLine(new XaiCamCommand(), needsSubcommands);
  }

  /** The configured command line of {@code command}. */
  private static CommandLine commandLine(XaiCamCommand command, boolean withSubcommands) {
    CommandLine commandLine = new CommandLine(command);
    if (withSubcommands) {
      SUBCOMMANDS.forEach(commandLine::addSubcommand);
      MethodsHelp.addTo(commandLine.getSubcommands().get("evaluate"));
    }
    // Set after the subcommands are added: picocli's setters pass each setting down to them.
    // Help without colours: the same text whatever the terminal, which HelpCache relies on.
    FailureHandler handler = new FailureHandler();
    return MethodsHelp.addTo(commandLine
        .setExecutionExceptionHandler(handler)
        .setParameterExceptionHandler(handler)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)));
  }
}
