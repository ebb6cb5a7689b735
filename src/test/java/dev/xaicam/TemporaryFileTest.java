package dev.xaicam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFileTest {
  @TempDir Path dir;

  @Test
  void isHiddenNamedAfterThisProcessAndDeletedOnClose() throws IOException {
    Path path;
    try (TemporaryFile temp = TemporaryFile.createIn(dir.resolve("new"))) {
      path = temp.path();
      assertThat(path).exists().hasParent(dir.resolve("new"));
      assertThat(path.getFileName().toString())
          .startsWith(TemporaryFile.PREFIX + ProcessHandle.current().pid() + "-").endsWith(".part");
    }
    assertThat(path).doesNotExist();
  }

  /** Names come from a random source, so writers on several threads never share one. */
  @Test
  void namesAreDistinctAcrossThreads() {
    Set<String> names = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 20_000).parallel().forEach(i -> names.add(TemporaryFile.newName()));
    assertThat(names).hasSize(20_000);
  }

  @Test
  void aMovedFileStaysWhereItWasMoved() throws IOException {
    Path target = dir.resolve("weights.h5");
    try (TemporaryFile temp = TemporaryFile.createIn(dir)) {
      Files.write(temp.path(), new byte[] {4, 2});
      temp.moveTo(target);
    }
    assertThat(Files.readAllBytes(target)).containsExactly(4, 2);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void temporariesOfDeadWritersAreRemovedAndLiveOnesKept() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("a/b"));
    Path dead = Files.write(sub.resolve(TemporaryFile.PREFIX + "2147483646-123.part"), new byte[] {1});
    Path garbled = Files.write(sub.resolve(TemporaryFile.PREFIX + "x.part"), new byte[] {1});
    Path live = Files.write(sub.resolve(TemporaryFile.PREFIX + ProcessHandle.current().pid() + "-9.part"),
        new byte[] {1});
    Path output = Files.write(sub.resolve("dog.gradcam.png"), new byte[] {1});

    assertThat(TemporaryFile.removeStale(dir)).isEqualTo(2);

    assertThat(dead).doesNotExist();
    assertThat(garbled).doesNotExist();
    assertThat(live).exists();
    assertThat(output).exists();
    assertThat(TemporaryFile.removeStale(dir.resolve("missing"))).isZero();
  }
}
