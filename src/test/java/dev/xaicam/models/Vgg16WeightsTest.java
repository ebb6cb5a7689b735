package dev.xaicam.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Vgg16WeightsTest {
  @TempDir Path dir;

  @Test
  void aCachedFileIsPresentOnlyAtTheExpectedSizeAndOtherwiseMarkedWrong() throws Exception {
    Path right = Files.write(dir.resolve("right.h5"), new byte[10]);
    Path cut = Files.write(dir.resolve("cut.h5"), new byte[7]);

    assertThat(Vgg16Weights.presence(right, 10)).isEqualTo(" (present)");
    assertThat(Vgg16Weights.presence(cut, 10))
        .isEqualTo(" (WRONG SIZE: 7 bytes, expected 10; delete it to download again)");
    assertThat(Vgg16Weights.presence(dir.resolve("none.h5"), 10)).isEqualTo(" (absent)");
  }

  @Test
  void theLoadingLineNamesTheDownloadsSize() {
    assertThat(new Vgg16Weights(DownloadListener.SILENT).fileBytes()).isEqualTo(553_467_096L);
  }
}
