package dev.xaicam.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.TargetNode;
import dev.xaicam.architectures.Vgg16;
import dev.xaicam.architectures.GlorotWeights;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class BenchmarkTest {
  /** A VGG16-shaped network small enough to benchmark in a second. */
  private static final GraphSpec TINY = Vgg16.spec(16, 8, 5, 32);

  @Test
  @Tag("native")
  void runsEveryCaseOnATinyNetworkAndLeavesNoNativeMemoryBehind() {
    BenchSettings c = BenchSettings.builder().architecture(TINY).forwardBatchSizes(List.of(1, 2))
        .methodBatchSizes(List.of(2)).methods(List.of("gradcam", "scorecam")).repeats(2).scoreCamImages(3)
        .threads(1).soakImages(5).build();
    List<String> progress = new ArrayList<>();
    BenchmarkResult r = new Benchmark(c, progress::add).run();

    assertThat(r.forward()).extracting(Timing::batchSize).containsExactly(1, 2);
    assertThat(r.forward()).allSatisfy(t -> {
      assertThat(t.secondsPerImage()).isPositive();
      assertThat(t.timesForward()).isNull();
    });
    assertThat(r.methods()).extracting(Timing::what, Timing::batchSize,
        Timing::images)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("gradcam", 2, 4),
            org.assertj.core.groups.Tuple.tuple("scorecam", 2, 3));
    assertThat(r.methods()).allSatisfy(t -> assertThat(t.timesForward()).isPositive());
    // One skip record per Score-CAM image; every channel is either skipped or masked.
    int channels = ModelGraph.of(TINY).defaultTarget().channels();
    assertThat(r.scoreCam()).hasSize(3).allSatisfy(s -> {
      assertThat(s.selectedChannels()).isEqualTo(channels);
      assertThat(s.forwardPasses()).isBetween(channels - s.constantChannels(),
          channels - s.constantChannels() + 1);
    });
    assertThat(r.scoreCam()).extracting(ScoreCamSkips::image)
        .containsExactly("random-0", "random-1", "random-2");
    assertThat(r.soak().images()).isEqualTo(5);
    assertThat(r.soak().batchSize()).isEqualTo(2);
    assertThat(r.soak().end().liveTensors()).isEqualTo(r.soak().start().liveTensors());
    assertThat(r.soak().end().openScopes()).isEqualTo(r.soak().start().openScopes());
    assertThat(r.startup().weightsFromFile()).isFalse();
    assertThat(r.machine().model()).isEqualTo(TINY.name());
    assertThat(progress).anyMatch(line -> line.startsWith("start-up:"));
  }

}
