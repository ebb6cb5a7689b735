package dev.xaicam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
  @TempDir Path dir;

  @Test
  void deletesAFolderWithNestedFoldersAndFiles() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root/a/b"));
    Files.writeString(root.resolve("deep.txt"), "x");
    Files.writeString(dir.resolve("root/top.txt"), "y");

    FileTrees.deleteQuietly(dir.resolve("root"));

    assertThat(dir.resolve("root")).doesNotExist();
    assertThat(dir).exists();
  }

  @Test
  void aMissingFolderIsNoError() {
    FileTrees.deleteQuietly(dir.resolve("never-made"));

    assertThat(dir.resolve("never-made")).doesNotExist();
  }
}
