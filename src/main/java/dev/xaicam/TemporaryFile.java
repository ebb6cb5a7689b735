package dev.xaicam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The one temporary-file scheme of every writer (outputs, reports, weight downloads, unpacked
 * weights): a hidden file named after the writer's pid, deleted on close unless moved into place,
 * so that a later run can tell a killed writer's leftovers from a live writer's work.
 */
public final class TemporaryFile implements AutoCloseable {
  /** Prefix of every temporary file, so a later run can recognise leftovers. */
  public static final String PREFIX = ".xai-cam-tmp-";

  /** This process's prefix: the pid tells a later run whether the writer is gone. */
  private static final String OWN_PREFIX = PREFIX + ProcessHandle.current().pid() + "-";

  /** The temporary file. */
  private final Path path;

  /** Whether {@link #moveTo} has put the file in place, so {@link #close} leaves it alone. */
  private boolean moved;

  private TemporaryFile(Path path) {
    this.path = path;
  }

  /** Creates the folder if needed and an empty temporary file in it. */
  public static TemporaryFile createIn(Path folder) throws IOException {
    Files.createDirectories(folder);
    // createFile honours the umask: a file moved into place is an ordinary file others may read,
    // unlike createTempFile's owner-only ones.
    return new TemporaryFile(Files.createFile(folder.resolve(newName())));
  }

  /**
   * A fresh temporary file name of this process, for writers on other file systems (the Spark
   * job's Hadoop output) that keep to the same scheme.
   */
  public static String newName() {
    // 64 random bits beside the pid: unique enough for names that are created exclusively (a clash
    // fails loudly), and ThreadLocalRandom needs no SecureRandom, whose providers take tens of
    // milliseconds to set up in a one-image run.
    return OWN_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part";
  }

  /** The temporary file's path, to write into. */
  public Path path() {
    return path;
  }

  /** Renames the file over {@code target} (atomically where the file system can). */
  public void moveTo(Path target) throws IOException {
    try {
      Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
    }
    moved = true;
  }

  /** Deletes the file unless it was moved into place. */
  @Override
  public void close() {
    if (!moved) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // Best effort: the failure that got us here matters more; a later run removes the file.
      }
    }
  }

  /**
   * Deletes temporary files below {@code root} left by writers that were killed (their process is
   * gone), so an interrupted run followed by a resumed one leaves no debris; returns how many.
   */
  public static int removeStale(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int removed = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(TemporaryFile::isStale).toList()) {
        try {
          Files.deleteIfExists(file);
          removed++;
        } catch (IOException e) {
          // Not ours to fight over: leave it for the next run.
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // An unreadable folder: what could be removed was.
    }
    return removed;
  }

  /** Whether {@code file} is a temporary file whose writer is no longer running. */
  private static boolean isStale(Path file) {
    String name = file.getFileName().toString();
    if (!name.startsWith(PREFIX)) {
      return false;
    }
    String rest = name.substring(PREFIX.length());
    int dash = rest.indexOf('-');
    try {
      long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
      return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
