package dev.xaicam.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The local file system as an {@link OutputStore}: files written through {@link AtomicFile}. */
final class LocalStore implements OutputStore {
  /** The one instance: it holds no state. */
  static final LocalStore INSTANCE = new LocalStore();

  private LocalStore() {}

  @Override
  public boolean isFile(Path file) {
    return Files.isRegularFile(file);
  }

  @Override
  public List<String> fileNames(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  @Override
  public void write(Path file, byte[] bytes) {
    AtomicFile.write(file, bytes);
  }
}
