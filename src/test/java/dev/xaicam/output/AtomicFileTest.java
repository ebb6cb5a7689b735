package dev.xaicam.output;

import dev.xaicam.TemporaryFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void writesTheBytesAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("a/b/out.png");
    AtomicFile.write(target, new byte[] {1, 2, 3});
    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void replacesAnExistingFileWhole() throws IOException {
    Path target = dir.resolve("out.npy");
    Files.write(target, new byte[100]);
    AtomicFile.write(target, new byte[] {7});
    assertThat(Files.readAllBytes(target)).containsExactly(7);
  }

  @Test
  void aFailedWriteNamesTheTargetAndLeavesNothingBehind() throws IOException {
    Path blocker = dir.resolve("file");
    Files.write(blocker, new byte[] {1});
    Path target = blocker.resolve("out.png"); // parent is a file: cannot be created
    assertThatThrownBy(() -> AtomicFile.write(target, new byte[] {1}))
        .isInstanceOfSatisfying(XaiCamException.class,
            e -> assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_SETUP))
        .hasMessageStartingWith("cannot write " + target + ": ");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(blocker);
    }
  }

  @Test
  void aFullDiskIsNamedPlainly() {
    assertThat(AtomicFile.describe(new IOException("No space left on device"))).isEqualTo("disk full");
    assertThat(AtomicFile.describe(new IOException("Permission denied")))
        .isEqualTo("IOException (Permission denied)");
  }

  @Test
  void aFolderInTheTargetsPlaceConcernsOnlyThatFileButAFullDiskOrADeniedFolderDoesNot() throws IOException {
    Path blocked = Files.createDirectories(dir.resolve("x.png/inside"));

    XaiCamException inTheWay = org.junit.jupiter.api.Assertions.assertThrows(XaiCamException.class,
        () -> AtomicFile.write(blocked.getParent(), new byte[] {1}));

    assertThat(AtomicFile.onlyThisFile(inTheWay)).isTrue();
    assertThat(AtomicFile.onlyThisFile(XaiCamException.setup("x", new IOException("No space left on device"))))
        .isFalse();
    assertThat(AtomicFile.onlyThisFile(XaiCamException.setup("x", new java.nio.file.AccessDeniedException("d"))))
        .isFalse();
    assertThat(AtomicFile.onlyThisFile(XaiCamException.setup("x"))).isFalse();
  }

  @Test
  void destinationsAreCheckedWithoutCreatingAnything() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Path file = Files.write(dir.resolve("file"), new byte[] {1});

    assertThatThrownBy(() -> AtomicFile.checkTarget(folder, "--report"))
        .isInstanceOfSatisfying(XaiCamException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage("--report " + folder + " is a folder; give a file name");
    assertThatThrownBy(() -> AtomicFile.checkTarget(file.resolve("r.jsonl"), "--report"))
        .hasMessageContaining(file + " is a file");
    AtomicFile.checkTarget(dir.resolve("new/deeper/report.jsonl"), "--report");
    AtomicFile.checkFolder(dir.resolve("out/a"), "--output out/a");

    assertThat(dir.resolve("new")).doesNotExist();
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
