package dev.xaicam.spark;

import dev.xaicam.XaiCamException;
import dev.xaicam.output.OutputStore;
import dev.xaicam.TemporaryFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The job's output folder on any Hadoop file system, as the {@link OutputStore} the command line's
 * writers use: they name files as paths below {@code /} (the output folder), and each file is
 * written under the one temporary-name scheme ({@link TemporaryFile#newName()}) in its folder,
 * then renamed into place. A failed, retried or speculative task therefore never leaves a partial
 * file, and since a file's bytes depend only on its image, a second attempt's rename replaces a
 * file with the same bytes: never a duplicate.
 */
final class HadoopStore implements OutputStore, Serializable {
  private static final long serialVersionUID = 1L;

  /** The output folder, fully qualified ({@code file:/...}, {@code hdfs://...}). */
  private final String root;
  /** Hadoop's settings from the driver (credentials, file system implementations). */
  private final SerializableConfiguration conf;
  /**
   * Test hook, else {@code null}: a file name whose write fails half-way in a task's first attempt
   * (the Spark setting {@value ExplainJob#FAIL_ONCE_SETTING}), to show that a retried task
   * leaves no partial or duplicate file.
   */
  private final String failOnce;
  /** The file system, opened on first use in each JVM. */
  private transient FileSystem fs;

  /** A store rooted at {@code root} (qualified by the caller), failing once on {@code failOnce} if not null. */
  HadoopStore(String root, Configuration conf, String failOnce) {
    this.root = root;
    this.conf = new SerializableConfiguration(conf);
    this.failOnce = failOnce;
  }

  /** {@code folder/name} written as a user would, with one slash between. */
  static String child(String folder, String name) {
    return folder.endsWith("/") ? folder + name : folder + "/" + name;
  }

  /** The output folder, fully qualified. */
  String root() {
    return root;
  }

  @Override
  public boolean isFile(java.nio.file.Path file) {
    try {
      return fs().getFileStatus(resolve(file)).isFile();
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + resolve(file), e);
    }
  }

  @Override
  public List<String> fileNames(java.nio.file.Path folder) {
    List<String> names = new ArrayList<>();
    try {
      for (FileStatus status : fs().listStatus(resolve(folder))) {
        if (status.isFile()) {
          names.add(status.getPath().getName());
        }
      }
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + resolve(folder), e);
    }
    return names;
  }

  /**
   * Writes through a temporary name and a rename. An I/O failure fails the task (Spark retries
   * it): only images themselves are reported as failed rows.
   */
  @Override
  public void write(java.nio.file.Path file, byte[] bytes) {
    Path target = resolve(file);
    Path temp = new Path(target.getParent(), TemporaryFile.newName());
    boolean moved = false;
    try {
      try (OutputStream out = create(temp)) {
        if (target.getName().equals(failOnce) && TaskContext.get() != null && TaskContext.get().attemptNumber() == 0) {
          out.write(bytes, 0, bytes.length / 2);
          // Unchecked, as a crashed executor would be: the task fails and Spark retries it, where an
          // IOException would be this image's own error row.
          throw new IllegalStateException("test hook " + ExplainJob.FAIL_ONCE_SETTING
              + ": first attempt fails writing " + target);
        }
        out.write(bytes);
      }
      // HDFS refuses to rename over a file; the file there has the same bytes, from an earlier attempt.
      moved = fs().rename(temp, target) || (fs().delete(target, false) && fs().rename(temp, target));
      if (!moved) {
        throw new IOException("rename of " + temp + " failed");
      }
    } catch (IOException e) {
      throw XaiCamException.setup("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (!moved) {
        deleteQuietly(temp);
      }
    }
  }

  /**
   * A new file to write. On the local file system Java writes it: without Hadoop's native library
   * (the usual case) Hadoop sets every new file's permissions by running {@code chmod} in a child
   * process, which made writing 0.2 s per file, ten times the demo model's whole work per image.
   */
  private OutputStream create(Path file) throws IOException {
    if (fs() instanceof RawLocalFileSystem local) {
      java.nio.file.Path path = local.pathToFile(file).toPath();
      Files.createDirectories(path.getParent());
      return Files.newOutputStream(path, StandardOpenOption.CREATE_NEW);
    }
    return fs().create(file, false);
  }

  /**
   * Deletes temporary files below the output folder: leftovers of killed executors, whose writers
   * are gone by the time the driver calls this (before the job's tasks start, and after they end).
   */
  int removeTemporaries() {
    try {
      Path top = new Path(root);
      return fs().exists(top) ? removeTemporaries(top) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tidy " + root, e);
    }
  }

  /**
   * Removes temporaries below {@code folder}, walking with {@code listStatus}: Hadoop's recursive
   * {@code listFiles} asks each local file for its permissions, a {@code ls} child process per file.
   */
  private int removeTemporaries(Path folder) throws IOException {
    int removed = 0;
    for (FileStatus status : fs().listStatus(folder)) {
      if (status.isDirectory()) {
        removed += removeTemporaries(status.getPath());
      } else if (status.getPath().getName().startsWith(TemporaryFile.PREFIX) && fs().delete(status.getPath(), false)) {
        removed++;
      }
    }
    return removed;
  }

  /** The Hadoop path of a file the writers name below {@code /}. */
  private Path resolve(java.nio.file.Path file) {
    String relative = file.toString().replaceFirst("^/+", "");
    // The three-part constructor keeps a colon in a file name from reading as a URI scheme.
    return relative.isEmpty() ? new Path(root) : new Path(new Path(root), new Path(null, null, relative));
  }

  /** Deletes {@code path} if it is there, ignoring failures (a later job removes it). */
  private void deleteQuietly(Path path) {
    try {
      fs().delete(path, false);
    } catch (IOException ignored) {
      // Only a leftover temporary name; removeTemporaries takes it at the job's end.
    }
  }

  /**
   * The output's file system; the raw local one for {@code file:} outputs, so that no {@code .crc}
   * checksum files appear beside the command line's files.
   */
  private FileSystem fs() throws IOException {
    if (fs == null) {
      FileSystem opened = new Path(root).getFileSystem(conf.value());
      fs = opened instanceof LocalFileSystem local ? local.getRawFileSystem() : opened;
    }
    return fs;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HadoopStore that && root.equals(that.root) && Objects.equals(failOnce, that.failOnce);
  }

  @Override
  public int hashCode() {
    return Objects.hash(root, failOnce);
  }
}
