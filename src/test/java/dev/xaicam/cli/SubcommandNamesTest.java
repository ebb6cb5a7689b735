package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class SubcommandNamesTest {
  /** The written-out names are exactly the subcommands' annotated names. */
  @Test
  void areTheNamesTheSubcommandsAnnotate() {
    assertThat(CommandTree.SUBCOMMANDS.stream().map(sub -> sub.getAnnotation(Command.class).name()))
        .containsExactlyInAnyOrderElementsOf(SubcommandNames.ALL);
  }
}
