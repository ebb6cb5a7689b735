package dev.xaicam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Drops files from the kernel's page cache so that the next read comes from the disk: what a
 * "cold" start-up is. Java has no {@code posix_fadvise}, so each file goes through GNU dd's
 * {@code iflag=nocache count=0}, which advises the kernel to drop the whole file; no root rights
 * and no effect on other files (unlike writing to {@code /proc/sys/vm/drop_caches}).
 */
final class PageCache {
  private PageCache() {}

  /**
   * Evicts every regular file in {@code paths} (folders: every file below them).
   *
   * @return null on success, else why it could not (no dd, a file dd refused)
   */
  static String evict(Collection<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> below = Files.walk(path)) {
          below.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
          return "cannot list " + path + ": " + e.getMessage();
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      }
    }
    for (Path file : files) {
      try {
        Process dd = new ProcessBuilder("dd", "if=" + file, "iflag=nocache", "count=0", "status=none")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (dd.waitFor() != 0) {
          return "dd could not drop " + file + " from the page cache";
        }
      } catch (IOException e) {
        return "no GNU dd to drop files from the page cache (" + e.getMessage() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
    return null;
  }
}
