package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.models.TinyModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Contract for every command's help text: picocli formats descriptions, headers and footers with
 * {@link String#format}, so a lone {@code %} (as in "95% interval") prints a warning in the middle
 * of {@code --help} and breaks the man pages built from the same text.
 */
class UsageHelpTest {
  @Test
  void everyCommandsHelpRendersWithoutPicocliWarnings() {
    List<CommandLine> commands = new ArrayList<>();
    collect(CommandTree.commandLine(TinyModels.catalog()), commands);
    PrintStream original = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    List<String> helps = new ArrayList<>();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      for (CommandLine command : commands) {
        helps.add(command.getUsageMessage());
      }
    } finally {
      System.setErr(original);
    }

    assertThat(commands).hasSizeGreaterThan(5);
    assertThat(helps).allSatisfy(help -> assertThat(help).contains("Usage: xai-cam"));
    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
  }

  @Test
  void everyExampleFitsEightyColumns() {
    List<CommandLine> commands = new ArrayList<>();
    collect(CommandTree.commandLine(TinyModels.catalog()), commands);

    for (CommandLine command : commands) {
      for (String line : command.getCommandSpec().usageMessage().footer()) {
        assertThat(line.length()).as(command.getCommandName() + ": " + line).isLessThanOrEqualTo(80);
      }
    }
  }

  /** Every line of every command's help, sections added in code included, fits the width. */
  @ParameterizedTest
  @ValueSource(ints = {80, 120})
  void everyHelpLineFitsTheWidth(int width) {
    List<CommandLine> commands = new ArrayList<>();
    collect(CommandTree.commandLine(TinyModels.catalog()), commands);

    for (CommandLine command : commands) {
      command.setUsageHelpWidth(width);
      for (String line : command.getUsageMessage().split("\\R")) {
        assertThat(line.length()).as(command.getCommandName() + ": " + line)
            .isLessThanOrEqualTo(width);
      }
    }
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    into.add(command);
    for (CommandLine sub : command.getSubcommands().values()) {
      collect(sub, into);
    }
  }
}
