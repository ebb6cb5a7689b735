package dev.xaicam.cli;

import dev.xaicam.models.ModelCatalog.Entry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code xai-cam models}: the models, where their weights are, and whether they are present. */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = "List the models, where their weights are looked for, and whether they are present.")
final class ModelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand XaiCamCommand parent;

  /** Prints one block per model. */
  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Entry entry : parent.catalog().entries()) {
      out.printf("%-14s %s%n", entry.name(), entry.description());
      for (String line : entry.weights().status()) {
        out.println("               " + line);
      }
    }
    out.flush();
    return 0;
  }
}
