package dev.xaicam.cli;

import java.io.File;
import java.io.IOException;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * A build step, not a test: {@code exec:java} runs it at package time to write the AsciiDoc man
 * pages (one per command) into the folder given. It hands picocli's generator the full command
 * line's model, because the subcommands are added in code ({@link CommandTree#SUBCOMMANDS}),
 * which the generator's own entry point, reading annotations, would not see; and it fails the
 * build when the generator reports an error, which the entry point only prints.
 */
public final class ManPages {
  private ManPages() {}

  /** Writes the pages into {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    int code = ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], true,
        CommandTree.commandLine().getCommandSpec());
    if (code != 0) {
      throw new IllegalStateException("the man page generator failed with exit code " + code);
    }
  }
}
