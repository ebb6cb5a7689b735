package dev.xaicam.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JdkNativesTest {
  /** The scratch files {@link JdkNatives} makes in the temporary folder. */
  private static List<Path> scratchFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("xai-cam-")
          && f.getFileName().toString().contains(".link")).toList();
    }
  }

  @Test
  void linkingLeavesNoFileBehindAndCanRunAgain() throws IOException {
    List<Path> before = scratchFiles();

    JdkNatives.link();
    JdkNatives.link();

    assertThat(scratchFiles()).isEqualTo(before);
  }
}
