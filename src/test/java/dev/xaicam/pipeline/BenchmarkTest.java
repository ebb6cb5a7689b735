package dev.xaicam.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.image.Preprocessing;
import dev.xaicam.model.Architecture;
import dev.xaicam.model.Vgg16;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class BenchmarkTest {
  /** A VGG16-shaped network small enough to benchmark in a second. */
  private static final Architecture TINY = Vgg16.architecture(16, 8, 5, 32);

  private static Benchmark.Config config(List<Integer> forward, List<Integer> methods,
      List<String> names, int repeats, int scoreCamImages, int threads, int soak, Path weights) {
    return new Benchmark.Config(TINY, Preprocessing.CAFFE, weights, 1, List.of(), forward, methods,
        names, repeats, scoreCamImages, threads, soak);
  }

  private static Benchmark.Config valid() {
    return config(List.of(1, 2), List.of(1), List.of("gradcam"), 1, 1, 1, 0, null);
  }

  @Test
  void defaultsAreVgg16WithTheIssuesBatchSizesAndEveryMethod() {
    Benchmark.Config c = Benchmark.Config.vgg16Defaults();
    assertThat(c.architecture().name()).isEqualTo("VGG16");
    assertThat(c.forwardBatchSizes()).containsExactly(1, 8, 32);
    assertThat(c.methodBatchSizes()).containsExactly(1, 8);
    assertThat(c.methods()).containsExactly("gradcam", "gradcam++", "layercam", "faster-scorecam",
        "scorecam");
    assertThat(c.weights()).isNull();
    assertThat(c.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void batchSizesAreSortedAndDeduplicated() {
    Benchmark.Config c = config(List.of(32, 1, 8, 1), List.of(8, 1), List.of("gradcam"), 1, 1, 1,
        0, null);
    assertThat(c.forwardBatchSizes()).containsExactly(1, 8, 32);
    assertThat(c.methodBatchSizes()).containsExactly(1, 8);
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOptionAndValue() {
    assertUsage(() -> config(List.of(1, 0), List.of(1), List.of("gradcam"), 1, 1, 1, 0, null),
        "--batch-sizes: batch sizes must be >= 1, got 0");
    assertUsage(() -> config(List.of(1), List.of(), List.of("gradcam"), 1, 1, 1, 0, null),
        "--method-batch-sizes needs at least one batch size");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcam"), 0, 1, 1, 0, null),
        "--repeats must be >= 1, got 0");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcam"), 1, 0, 1, 0, null),
        "--scorecam-images must be >= 1, got 0");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcam"), 1, 1, 0, 0, null),
        "--threads must be >= 1, got 0");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcam"), 1, 1, 1, -5, null),
        "--soak must be >= 0, got -5");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcam"), 1, 1, 1, 0,
        Path.of("/nonexistent/w.h5")), "--weights /nonexistent/w.h5: no such file");
    assertUsage(() -> config(List.of(1), List.of(1), List.of("gradcamz"), 1, 1, 1, 0, null),
        "gradcamz");
  }

  @Test
  void missingImagesAreUsageErrorsNamingTheFile() {
    assertUsage(() -> new Benchmark.Config(TINY, Preprocessing.CAFFE, null, 1,
        List.of(Path.of("/nonexistent/cat.png")), List.of(1), List.of(1), List.of("gradcam"), 1, 1,
        1, 0), "image /nonexistent/cat.png: no such file");
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Benchmark.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(Benchmark.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(Benchmark.median(new double[] {7})).isEqualTo(7);
    assertThatThrownBy(() -> Benchmark.median(new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsCpuModelAndFlagsFromCpuinfo() {
    String cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n"
        + "flags\t\t: fpu sse2 avx avx2 fma\n\nprocessor\t: 1\nmodel name\t: other\n";
    assertThat(Benchmark.cpuModel(cpuinfo)).isEqualTo("AMD EPYC 7B13");
    assertThat(Benchmark.hasCpuFlag(cpuinfo, "avx2")).isTrue();
    assertThat(Benchmark.hasCpuFlag(cpuinfo, "avx")).isTrue();
    assertThat(Benchmark.hasCpuFlag(cpuinfo, "avx512f")).isFalse();
    assertThat(Benchmark.cpuModel(null)).isEqualTo("unknown");
    assertThat(Benchmark.hasCpuFlag(null, "avx2")).isFalse();
  }

  @Test
  @Tag("native")
  void runsEveryCaseOnATinyNetworkAndLeavesNoNativeMemoryBehind() {
    Benchmark.Config c = config(List.of(1, 2), List.of(2), List.of("gradcam", "scorecam"), 2, 3, 1,
        5, null);
    List<String> progress = new ArrayList<>();
    Benchmark.Result r = new Benchmark(c, progress::add).run();

    assertThat(r.forward()).extracting(Benchmark.Timing::batchSize).containsExactly(1, 2);
    assertThat(r.forward()).allSatisfy(t -> {
      assertThat(t.secondsPerImage()).isPositive();
      assertThat(t.timesForward()).isNull();
    });
    assertThat(r.methods()).extracting(Benchmark.Timing::what, Benchmark.Timing::batchSize,
        Benchmark.Timing::images)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("gradcam", 2, 4),
            org.assertj.core.groups.Tuple.tuple("scorecam", 2, 3));
    assertThat(r.methods()).allSatisfy(t -> assertThat(t.timesForward()).isPositive());
    // One skip record per Score-CAM image; every channel is either skipped or masked.
    int channels = TINY.lastConvLayer().outputShape()[2];
    assertThat(r.scoreCam()).hasSize(3).allSatisfy(s -> {
      assertThat(s.selectedChannels()).isEqualTo(channels);
      assertThat(s.forwardPasses()).isBetween(channels - s.constantChannels(),
          channels - s.constantChannels() + 1);
    });
    assertThat(r.scoreCam()).extracting(Benchmark.ScoreCamSkips::image)
        .containsExactly("random-0", "random-1", "random-2");
    assertThat(r.soak().images()).isEqualTo(5);
    assertThat(r.soak().batchSize()).isEqualTo(2);
    assertThat(r.soak().end().liveTensors()).isEqualTo(r.soak().start().liveTensors());
    assertThat(r.soak().end().openScopes()).isEqualTo(r.soak().start().openScopes());
    assertThat(r.startup().weightsFromFile()).isFalse();
    assertThat(r.machine().model()).isEqualTo(TINY.name());
    assertThat(progress).anyMatch(line -> line.startsWith("start-up:"));
  }

  private static void assertUsage(Runnable action, String message) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(XaiCamException.class,
            e -> assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_USAGE))
        .hasMessageContaining(message);
  }
}
