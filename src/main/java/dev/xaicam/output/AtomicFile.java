package dev.xaicam.output;

import dev.xaicam.XaiCamException;
import java.io.IOException;
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

  /** A short reason for an I/O failure, naming disk-full plainly. */
  static String describe(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("No space left")) {
      return "disk full";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }
}
