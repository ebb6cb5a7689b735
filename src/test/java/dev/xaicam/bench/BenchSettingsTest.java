package dev.xaicam.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.architectures.Vgg16;
import dev.xaicam.architectures.GlorotWeights;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {
  /** A VGG16-shaped network, for settings that name one. */
  private static final GraphSpec TINY = Vgg16.spec(16, 8, 5, 32);

  private static BenchSettings config(List<Integer> forward, List<Integer> methods,
      List<String> names, int repeats, int scoreCamImages, int threads, int soak, Path weights) {
    return BenchSettings.builder().architecture(TINY).weights(weights).forwardBatchSizes(forward)
        .methodBatchSizes(methods).methods(names).repeats(repeats).scoreCamImages(scoreCamImages).threads(threads)
        .soakImages(soak).build();
  }

  @Test
  void batchSizesAreSortedAndDeduplicated() {
    BenchSettings c = config(List.of(32, 1, 8, 1), List.of(8, 1), List.of("gradcam"), 1, 1, 1,
        0, null);
    assertThat(c.forwardBatchSizes()).containsExactly(1, 8, 32);
    assertThat(c.methodBatchSizes()).containsExactly(1, 8);
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOptionAndValue() {
    assertUsage(() -> config(List.of(1, 0), List.of(1), List.of("gradcam"), 1, 1, 1, 0, null),
        "--batch-sizes: batch sizes must be between 1 and 256, got 0");
    assertUsage(() -> config(List.of(1), List.of(), List.of("gradcam"), 1, 1, 1, 0, null),
        "--method-batch-sizes needs at least one batch size");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcam"), 0, 1, 1, 0, null),
        "--repeats must be >= 1, got 0");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcam"), 1, 0, 1, 0, null),
        "--scorecam-images must be >= 1, got 0");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcam"), 1, 1, 0, 0, null),
        "--threads must be between 1 and " + 4 * Runtime.getRuntime().availableProcessors() + ", got 0");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcam"), 1, 1, 1, -5, null),
        "--soak must be >= 0, got -5");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcam"), 1, 1, 1, 0,
        Path.of("/nonexistent/w.h5")), "--weights /nonexistent/w.h5: no such file");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcamz"), 1, 1, 1, 0, null),
        "gradcamz");
  }

  @Test
  void missingImagesAreUsageErrorsNamingTheFile() {
    assertUsage(() -> BenchSettings.builder().images(List.of(Path.of("/nonexistent/cat.png"))).build(),
        "image /nonexistent/cat.png: no such file");
  }

  private static void assertUsage(Runnable action, String message) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(XaiCamException.class,
            e -> assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_USAGE))
        .hasMessageContaining(message);
  }
}
