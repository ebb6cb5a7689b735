package dev.xaicam.cli;

import java.util.Set;

/**
 * The subcommands' names, written out rather than read from their annotations: {@link Main} asks
 * for them before TensorFlow starts loading, and reading the annotations loads picocli and parses
 * every subcommand's annotation (40 ms of a one-image run's critical path).
 * {@code SubcommandNamesTest} checks the two agree.
 */
final class SubcommandNames {
  /** Every subcommand's name. */
  static final Set<String> ALL = Set.of("models", "layers", "bench", "evaluate", "random-weights",
      "help", "generate-completion");

  private SubcommandNames() {}
}
