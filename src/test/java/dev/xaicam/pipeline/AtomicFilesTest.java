package dev.xaicam.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesTheBytesAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("a/b/out.png");
    AtomicFiles.write(target, new byte[] {1, 2, 3});
    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void replacesAnExistingFileWhole() throws IOException {
    Path target = dir.resolve("out.npy");
    Files.write(target, new byte[100]);
    AtomicFiles.write(target, new byte[] {7});
    assertThat(Files.readAllBytes(target)).containsExactly(7);
  }

  @Test
  void aFailedWriteNamesTheTargetAndLeavesNothingBehind() throws IOException {
    Path blocker = dir.resolve("file");
    Files.write(blocker, new byte[] {1});
    Path target = blocker.resolve("out.png"); // parent is a file: cannot be created
    assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1}))
        .isInstanceOf(XaiCamException.class)
        .hasMessageContaining(target.toString());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(blocker);
    }
  }

  @Test
  void temporariesOfDeadWritersAreRemovedAndLiveOnesKept() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("a/b"));
    Path dead = Files.write(sub.resolve(AtomicFiles.TEMP_PREFIX + "2147483646-123.part"), new byte[] {1});
    Path live = Files.write(sub.resolve(AtomicFiles.TEMP_PREFIX + ProcessHandle.current().pid() + "-9.part"),
        new byte[] {1});
    Path output = Files.write(sub.resolve("dog.gradcam.png"), new byte[] {1});

    assertThat(AtomicFiles.removeStaleTemporaries(dir)).isEqualTo(1);

    assertThat(dead).doesNotExist();
    assertThat(live).exists();
    assertThat(output).exists();
  }
}
