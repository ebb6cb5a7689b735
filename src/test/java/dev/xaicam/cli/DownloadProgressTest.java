package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DownloadProgressTest {
  private static final URI FROM = URI.create("https://example.org/w.h5");
  private static final Path TO = Path.of("/cache/w.h5");
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream sink = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void withoutABarSaysWhereFromAndLogsEachTenthOnce() {
    DownloadProgress progress = new DownloadProgress(sink, false);
    progress.started("VGG16 weights", FROM, TO, 50_000_000);
    for (long received : new long[] {1_000_000, 4_000_000, 5_000_000, 6_000_000, 26_000_000, 50_000_000}) {
      progress.progressed(received);
    }
    progress.ended();

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "Downloading VGG16 weights (50 MB) from https://example.org/w.h5 to /cache/w.h5",
        "Downloading VGG16 weights: 10% (5 of 50 MB)",
        "Downloading VGG16 weights: 50% (26 of 50 MB)",
        "Downloading VGG16 weights: 100% (50 of 50 MB)");
  }

  @Test
  void withABarDrawsItToTheSinkInsteadOfLogLines() {
    DownloadProgress progress = new DownloadProgress(sink, true);
    progress.started("VGG16 weights", FROM, TO, 3_000_000);
    progress.progressed(3_000_000);
    progress.ended();

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .startsWith("Downloading VGG16 weights (3 MB) from")
        .contains("VGG16 weights 100%")
        .doesNotContain("Downloading VGG16 weights: ");
  }

  @Test
  void anUnknownSizeGetsOneLineAndNoPercentages() {
    DownloadProgress progress = new DownloadProgress(sink, true);
    progress.started("DenseNet121 weights", FROM, TO, -1);
    progress.progressed(3_000_000);
    progress.ended();

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "Downloading DenseNet121 weights (size unknown) from https://example.org/w.h5 to /cache/w.h5");
  }
}
