package dev.xaicam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing scratch and stale cache folders, which must never fail the run that tidies them. */
public final class FileTrees {
  /** Static function only. */
  private FileTrees() {}

  /**
   * Deletes {@code root} and everything below it, as far as it can: what cannot be deleted now is
   * left for a later attempt.
   */
  public static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // Left for the next attempt.
    }
  }
}
