package dev.xaicam.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Links the JDK's native file operations by calling each once. The JVM binds a native method on
 * its first call, through {@code dlsym}, which waits for the dynamic linker's lock; loading
 * TensorFlow's library holds that lock for about 0.3 s (relocating a 1 GB library). A thread that
 * opens, stats, lists, maps or writes its first file in that time waits for all of it, so the
 * loader links these first and the start-up's file work (inputs, the weight cache, the output
 * folder's checks) goes on beside the library's loading.
 *
 * <p>It reads the folder of the JDK's own {@code lib} directory and writes one temporary file,
 * deleted at once. Failures are ignored: a native left unlinked only costs the wait it would have.
 */
final class FileNatives {
  /** Static function only. */
  private FileNatives() {}

  /** Calls each file operation a start-up uses once. */
  static void link() {
    try {
      Path folder = Path.of(System.getProperty("java.home"), "lib");
      Files.readAttributes(folder, BasicFileAttributes.class);
      Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Files.isWritable(folder);
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
        entries.iterator().hasNext();
      }
      Path scratch = Files.createTempFile("xai-cam-", ".link");
      Path moved = scratch.resolveSibling(scratch.getFileName() + ".moved");
      try {
        try (FileChannel channel = FileChannel.open(scratch, StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
          channel.write(ByteBuffer.allocate(1));
          channel.read(ByteBuffer.allocate(1), 0);
          channel.position(0);
          channel.read(ByteBuffer.allocate(1));
          channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        Files.move(scratch, moved);
        Files.delete(moved);
        try {
          Files.createDirectory(folder);
        } catch (IOException exists) {
          // mkdir is linked; the folder was there, as expected.
        }
      } finally {
        Files.deleteIfExists(scratch);
        Files.deleteIfExists(moved);
      }
    } catch (IOException | RuntimeException e) {
      // Best effort: see the class comment.
    }
  }
}
