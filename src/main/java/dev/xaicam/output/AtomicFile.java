package dev.xaicam.output;

import dev.xaicam.TemporaryFile;
import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes whole files so that a reader (or a resumed run) never sees a partial one: the bytes go
 * to a {@link TemporaryFile} in the target's folder, then a rename puts them in place.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes {@code bytes} to {@code target} atomically, creating parent folders. */
  public static void write(Path target, byte[] bytes) {
    try (TemporaryFile temp = TemporaryFile.createIn(target.toAbsolutePath().getParent())) {
      Files.write(temp.path(), bytes);
      temp.moveTo(target);
    } catch (IOException e) {
      throw XaiCamException.setup("cannot write " + target + ": " + describe(e), e);
    }
  }

  /**
   * Checks before any work that {@link #write} can later put a file at {@code target}, given by
   * {@code option}: a usage error when it is a folder or its folder is a file, a setup error when
   * the place is not writable. Creates nothing.
   */
  public static void checkTarget(Path target, String option) {
    if (Files.isDirectory(target)) {
      throw XaiCamException.usage(option + " " + target + " is a folder; give a file name");
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw XaiCamException.setup(option + " " + target + ": permission denied, cannot replace the file");
    }
    checkFolder(target.toAbsolutePath().getParent(), option + " " + target);
  }

  /**
   * Checks before any work that files can be written in {@code folder} (created if missing), for
   * {@code what} (the option and its value): the nearest existing folder above must be a writable folder.
   */
  public static void checkFolder(Path folder, String what) {
    Path existing = folder.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    if (!Files.isDirectory(existing)) {
      throw XaiCamException.usage(what + ": " + existing + " is a file, so the folder cannot be created");
    }
    if (!Files.isWritable(existing)) {
      throw XaiCamException.setup(what + ": cannot write in " + existing + " (permission denied)");
    }
  }

  /**
   * Whether a failure of {@link #write} concerns that one target (a folder in its place, a file
   * where its folder should be, a name too long) rather than the disk or a folder's permissions
   * (disk full, quota, read-only file system, access denied), which every later write would meet too.
   */
  public static boolean onlyThisFile(XaiCamException e) {
    if (!(e.getCause() instanceof IOException io) || io instanceof AccessDeniedException) {
      return false;
    }
    String message = String.valueOf(io.getMessage());
    return !(message.contains("No space left") || message.contains("quota")
        || message.contains("Read-only file system") || message.contains("Permission denied"));
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
