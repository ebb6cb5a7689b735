package dev.xaicam.cli;

import dev.xaicam.explain.ExplainSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code xai-cam} (explain) and {@code xai-cam bench} share, mixed into both. */
final class SharedOptions {
  /** Explicit weight file, or null. */
  @Option(names = "--weights", paramLabel = "FILE",
      description = "Keras HDF5 weight file to use instead of the cached/downloaded one "
          + "(bench: instead of seeded random weights).")
  Path weights;

  /** TensorFlow threads; null for all cores. */
  @Option(names = "--threads", paramLabel = "N", description = "TensorFlow threads, 1 to " + ExplainSettings.MAX_THREADS_PER_CORE
      + " per core (default: all cores).")
  Integer threads;

  /** Whether standard output carries JSON instead of text. */
  @Option(names = "--json", description = "Print JSON on standard output instead of text lines or tables.")
  boolean json;
}
