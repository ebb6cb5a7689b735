package dev.xaicam.pipeline;

import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes output files so that a reader (or a resumed run) never sees a partial one: bytes go to a
 * hidden temporary name in the target's folder, are flushed, then renamed over the target.
 */
public final class AtomicFiles {
  /** Prefix of temporary files, so a later run can recognise and remove leftovers. */
  static final String TEMP_PREFIX = ".xai-cam-tmp-";

  /** This process's temporary-file prefix: the pid tells a later run whether the writer is gone. */
  private static final String OWN_PREFIX = TEMP_PREFIX + ProcessHandle.current().pid() + "-";

  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code target} atomically, creating parent folders. */
  public static void write(Path target, byte[] bytes) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, OWN_PREFIX, ".part");
      Files.write(temp, bytes);
      // Temporary files are created owner-only; outputs are ordinary files others may read.
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw XaiCamException.setup("cannot write " + target + ": " + describe(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The write already failed; that failure is the one worth reporting.
        }
      }
    }
  }

  /**
   * Deletes temporary files below {@code root} left by runs that were killed (their process is
   * gone), so an interrupted run followed by a resumed one leaves no debris; returns how many.
   */
  public static int removeStaleTemporaries(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int[] removed = {0};
    try (java.util.stream.Stream<Path> files = Files.walk(root)) {
      files.filter(f -> f.getFileName().toString().startsWith(TEMP_PREFIX))
          .filter(f -> !writerAlive(f.getFileName().toString()))
          .forEach(f -> {
            try {
              Files.deleteIfExists(f);
              removed[0]++;
            } catch (IOException e) {
              // Not ours to fight over: leave it for the next run.
            }
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      return removed[0];
    }
    return removed[0];
  }

  private static boolean writerAlive(String fileName) {
    String rest = fileName.substring(TEMP_PREFIX.length());
    int dash = rest.indexOf('-');
    try {
      long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A short reason for an I/O failure, naming disk-full plainly. */
  static String describe(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("No space left")) {
      return "disk full";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }
}
