package dev.xaicam.models;

import dev.xaicam.TemporaryFile;
import dev.xaicam.ToolHome;
import dev.xaicam.network.ModelWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Native-ready copies ({@link WeightCache}) of the weights of the user's own large Keras model
 * files, so that only the first run of a model reads its weights from HDF5 (a VGG16-sized file
 * costs seconds per run) and later runs map them. Files under {@link #MIN_SOURCE_BYTES} are read
 * directly: parsing them takes milliseconds and copies would only litter. The copies live in
 * {@code $XAI_CAM_HOME/model-files/}, one per model path, rebuilt when the file's size or
 * modification time changes; the least recently used are deleted once together they pass
 * {@link #MAX_TOTAL_BYTES}.
 */
final class ModelFileCache {
  /** Smallest model file whose weights are copied. */
  static final long MIN_SOURCE_BYTES = 32L << 20;
  /** Most bytes the copies may take together; the one in use is always kept. */
  static final long MAX_TOTAL_BYTES = 4L << 30;

  /** The folder holding the copies. */
  private final Path folder;
  /** Smallest model file whose weights are copied. */
  private final long minSourceBytes;
  /** Most bytes the copies may take together. */
  private final long maxTotalBytes;

  /**
   * Copies in {@code folder} of the weights of files of {@code minSourceBytes} or more, taking
   * at most {@code maxTotalBytes} together.
   */
  ModelFileCache(Path folder, long minSourceBytes, long maxTotalBytes) {
    if (minSourceBytes < 0 || maxTotalBytes < 0) {
      throw new IllegalArgumentException("sizes must be >= 0, got minSourceBytes "
          + minSourceBytes + " and maxTotalBytes " + maxTotalBytes);
    }
    this.folder = folder;
    this.minSourceBytes = minSourceBytes;
    this.maxTotalBytes = maxTotalBytes;
  }

  /** The copies of this process's tool folder, with the default sizes. */
  static ModelFileCache inToolHome() {
    return new ModelFileCache(ToolHome.current().resolve("model-files"), MIN_SOURCE_BYTES,
        MAX_TOTAL_BYTES);
  }

  /**
   * The weights of model file {@code file}: mapped from its copy when that is current, else read
   * by {@code fromFile} (and copied, for a large enough file). A copy that cannot be written
   * (a read-only folder, a full disk) only means the weights just read are used.
   */
  ModelWeights load(Path file, Supplier<ModelWeights> fromFile) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return fromFile.get();
    }
    if (size < minSourceBytes) {
      return fromFile.get();
    }
    // A run killed while copying left its temporary file: gone once its writer is.
    TemporaryFile.removeStale(folder);
    WeightCache cache = new WeightCache(folder);
    // Checked before copying, as the network's loader checks only weights on the heap: the same
    // line, naming the layer, as for a file read directly.
    ModelWeights weights = cache.load(file, source -> fromFile.get(), FiniteWeights::check);
    Path copy = cache.fileFor(file);
    markUsed(copy);
    evictBeyondCap(copy);
    return weights;
  }

  /** Records that {@code copy} was used now, which eviction goes by. */
  private static void markUsed(Path copy) {
    try {
      if (Files.isRegularFile(copy)) {
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now()));
      }
    } catch (IOException e) {
      // A read-only cache: eviction then goes by when the copy was written.
    }
  }

  /** A copy's path with its size and last use, read once. */
  private record Copy(Path path, long bytes, FileTime lastUsed) {}

  /** Deletes the least recently used copies, never {@code inUse}, until all fit the cap. */
  private void evictBeyondCap(Path inUse) {
    List<Copy> copies = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(
          WeightCache.FILE_SUFFIX)).toList()) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        copies.add(new Copy(file, attributes.size(), attributes.lastModifiedTime()));
      }
    } catch (IOException | UncheckedIOException e) {
      // A folder being changed by another run: the next run evicts.
      return;
    }
    long total = copies.stream().mapToLong(Copy::bytes).sum();
    copies.sort(Comparator.comparing(Copy::lastUsed));
    for (Copy copy : copies) {
      if (total <= maxTotalBytes) {
        return;
      }
      if (copy.path().equals(inUse)) {
        continue;
      }
      try {
        // A run mapping this copy keeps its pages; the next run of that model copies again.
        Files.deleteIfExists(copy.path());
        total -= copy.bytes();
      } catch (IOException e) {
        // Left for a later run.
      }
    }
  }
}
