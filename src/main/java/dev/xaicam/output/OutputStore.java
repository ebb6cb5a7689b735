package dev.xaicam.output;

import java.nio.file.Path;
import java.util.List;

/**
 * The file system a run's outputs live on: the local one for the command line, Hadoop's for the
 * Spark job. {@link OutputLayout} names the files and {@link HeatmapFiles} makes their bytes; a
 * store only checks for and writes whole files, so every store writes the same names and bytes.
 */
public interface OutputStore {
  /** The local file system, each file written through {@link AtomicFile}. */
  static OutputStore local() {
    return LocalStore.INSTANCE;
  }

  /** Whether {@code file} exists as a regular file. */
  boolean isFile(Path file);

  /** The names of the files directly in {@code folder}; empty when it is missing or unreadable. */
  List<String> fileNames(Path folder);

  /**
   * Writes {@code bytes} as the whole of {@code file}, replacing it, through a temporary name and
   * a rename, so that no reader (nor a resumed run) ever sees a partial file.
   */
  void write(Path file, byte[] bytes);
}
