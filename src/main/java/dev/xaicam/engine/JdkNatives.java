package dev.xaicam.engine;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Links the JDK's native methods that a start-up calls, by calling each once. The JVM binds a
 * native method on its first call, through {@code dlsym}, which waits for the dynamic linker's
 * lock; loading TensorFlow's library holds that lock for about 0.3 s (relocating a 1 GB library).
 * A thread whose first call of such a method falls in that time waits for all of it: picocli's
 * first {@code Array.getLength} held the main thread up by 0.3 s. So the loader links them first,
 * and the start-up's own work (parsing the command line, checking inputs and the output folder,
 * mapping the weight cache) goes on beside the library's loading.
 *
 * <p>The list comes from {@code -Xlog:jni+resolve=trace} of one-image runs: the natives the main
 * thread linked between starting the loader and the library's end. It reads the JDK's own
 * {@code lib} folder and writes one temporary file, deleted at once. Failures are ignored: a native
 * left unlinked only costs the wait it would have cost anyway.
 */
final class JdkNatives {
  /** Static function only. */
  private JdkNatives() {}

  /** Calls each native method a start-up uses once. */
  static void link() {
    linkReflection();
    linkProcesses();
    linkFiles();
    linkZip();
    linkAnnotations();
    linkConsole();
  }

  /** {@code java.lang.reflect.Array}'s natives: picocli and jHDF use them. */
  private static void linkReflection() {
    Object grid = Array.newInstance(int.class, 1, 1);
    Object row = Array.get(grid, 0);
    Array.set(grid, 0, row);
    Array.getLength(row);
  }

  /**
   * A runtime annotation with a member of each constant kind: reading one links the constant-pool
   * natives of annotation parsing and, as annotations are proxies of public interfaces, the
   * natives that define the proxies' module. picocli reads its annotations while the library loads.
   */
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Linked {
    /** A string member. */
    String text();

    /** An int member. */
    int number();

    /** A long member. */
    long big();

    /** A float member. */
    float single();

    /** A double member. */
    double real();

    /** A class member. */
    Class<?> type();

    /** An enum member. */
    ElementType kind();

    /** An array member. */
    String[] texts();
  }

  /** The annotated class {@link #linkAnnotations} reads. */
  @Linked(text = "a", number = 1, big = 2L, single = 3f, real = 4.0, type = Path.class,
      kind = ElementType.TYPE, texts = {"b"})
  private static final class Annotated {}

  /** Reads {@link Linked} and each of its members. */
  private static void linkAnnotations() {
    Linked linked = Annotated.class.getAnnotation(Linked.class);
    if (linked != null) {
      linked.hashCode();
    }
  }

  /** {@code System.console()}'s natives: picocli asks for the console to choose its colours. */
  private static void linkConsole() {
    System.console();
  }

  /** The process-handle natives that cleaning stale temporary files uses. */
  private static void linkProcesses() {
    long self = ProcessHandle.current().pid();
    ProcessHandle.of(self).map(ProcessHandle::isAlive);
  }

  /**
   * The zip natives that reading a jar's compressed classes uses: the first class read from a jar
   * that class-data sharing does not hold (picocli's) loads them.
   */
  private static void linkZip() {
    byte[] bytes = {1, 2, 3};
    CRC32 checksum = new CRC32();
    checksum.update(bytes);
    checksum.update(ByteBuffer.allocateDirect(1));
    checksum.update(4);
    Deflater deflater = new Deflater();
    Inflater inflater = new Inflater(true);
    try {
      deflater.setInput(bytes);
      deflater.finish();
      byte[] deflated = new byte[64];
      int length = deflater.deflate(deflated);
      inflater.setInput(deflated, 0, length);
      inflater.inflate(new byte[bytes.length]);
    } catch (DataFormatException e) {
      // The natives are linked whether or not the bytes made sense to the inflater.
    } finally {
      deflater.end();
      inflater.end();
    }
  }

  /** The file operations: stat, list, open, read, write, map, rename, delete, mkdir. */
  private static void linkFiles() {
    try {
      Path folder = Path.of(System.getProperty("java.home"), "lib");
      Files.readAttributes(folder, BasicFileAttributes.class);
      Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Files.exists(folder);
      Files.isWritable(folder);
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
        entries.iterator().hasNext();
      }
      // Not Files.createTempFile: its random name seeds a SecureRandom, 30 ms of a start-up.
      String name = "xai-cam-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
      Path scratch = Path.of(System.getProperty("java.io.tmpdir"), name + ".link");
      Path moved = scratch.resolveSibling(name + ".link.moved");
      try {
        try (FileChannel channel = FileChannel.open(scratch, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ, StandardOpenOption.WRITE)) {
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
