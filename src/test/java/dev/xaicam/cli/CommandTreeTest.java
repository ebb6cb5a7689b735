package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Which command lines get the subcommands, and that settings reach the ones added in code. */
class CommandTreeTest {
  @Test
  void anExplainRunLeavesTheSubcommandsOutAndEverythingElseHasThem() {
    assertThat(CommandTree.commandLineFor(new String[] {"-m", "gradcam", "dog.jpg"}, false)
        .getSubcommands()).isEmpty();
    assertThat(CommandTree.commandLineFor(new String[] {"-q", "bench"}, false)
        .getSubcommands()).containsKeys("bench", "evaluate", "models");
    assertThat(CommandTree.commandLineFor(new String[] {}, false).getSubcommands())
        .hasSize(CommandTree.SUBCOMMANDS.size());
    CommandLine forHelp = CommandTree.commandLineFor(new String[] {"--help"}, true);
    assertThat(forHelp.getSubcommands()).hasSize(CommandTree.SUBCOMMANDS.size());
    assertThat(forHelp.getUsageMessage()).contains("generate-completion", "random-weights");
    // settings reach subcommands added in code: evaluate's help has the methods section too
    assertThat(forHelp.getSubcommands().get("evaluate").getUsageMessage()).contains("Methods:");
  }
}
