package dev.xaicam.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the real command line in a child process, for {@link OneShotRuns}.
 *
 * @param command the child's command before its arguments ({@code java ... dev.xaicam.cli.Main})
 * @param environment variables added to the child's environment
 * @param runs timed runs per case (0: measure nothing)
 * @param coldFiles files and folders a cold run must read from disk (jars, native libraries,
 *     class-data archive); the case's own weight files are added to them
 */
public record OneShotPlan(List<String> command, Map<String, String> environment, int runs,
    List<Path> coldFiles) {
  /** Copies and checks every field. */
  public OneShotPlan {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    coldFiles = List.copyOf(coldFiles);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the child command must not be empty");
    }
    if (runs < 0) {
      throw new IllegalArgumentException("runs must be >= 0, got " + runs);
    }
    Objects.requireNonNull(environment, "environment");
  }
}
