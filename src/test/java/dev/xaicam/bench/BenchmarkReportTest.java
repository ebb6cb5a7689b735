package dev.xaicam.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

  private static BenchmarkResult result() {
    return new BenchmarkResult(
        new Machine(2, 2, 2, "AMD EPYC", true, "17.0.15", 6L << 30, "VGG16",
            "random (seed 1)", "cat.png"),
        new Startup(0.7, 0.75, true, 0.5, 0.65, 3.25),
        0.02,
        List.of(new Timing("forward", 1, 3, 0.4, null, 1500L << 20),
            new Timing("forward", 8, 24, 0.25, null, 1700L << 20)),
        List.of(new Timing("gradcam", 8, 24, 0.27, 1.08, 1710L << 20),
            new Timing("scorecam", 8, 1, 150.0, 600.0, -1)),
        List.of(new ScoreCamSkips("cat.png", 512, 100, 413)),
        new Soak(1000, 8, new MemorySample(1600L << 20, 5L << 20, 32, 1),
            new MemorySample(1601L << 20, 6L << 20, 32, 1)),
        true,
        List.of(new OneShotTiming("vgg16, one image", "warm", 3, 1.42, 1.1, 0),
            new OneShotTiming("vgg16, one image", "cold", 3, 6.5, null, 3)));
  }

  @Test
  void jsonHasOneFieldPerRecordComponent() throws Exception {
    JsonNode json = new ObjectMapper().readTree(BenchmarkReport.json(result()));
    assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("machine", "startup",
        "decodeSecondsPerImage", "forward", "methods", "scoreCam", "soak", "peakResetWorks", "oneShot");
    assertThat(json.at("/oneShot/0/wallSeconds").asDouble()).isEqualTo(1.42);
    assertThat(json.at("/oneShot/1/cpuSeconds").isNull()).isTrue();
    assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
    assertThat(json.at("/machine/avx2").asBoolean()).isTrue();
    assertThat(json.at("/startup/firstHeatmapSinceProcessStart").asDouble()).isEqualTo(3.25);
    assertThat(json.at("/forward/1/batchSize").asInt()).isEqualTo(8);
    assertThat(json.at("/forward/0/timesForward").isNull()).isTrue();
    assertThat(json.at("/methods/0/what").asText()).isEqualTo("gradcam");
    assertThat(json.at("/methods/0/timesForward").asDouble()).isEqualTo(1.08);
    assertThat(json.at("/methods/0/peakRssBytes").asLong()).isEqualTo(1710L << 20);
    assertThat(json.at("/scoreCam/0/constantChannels").asInt()).isEqualTo(100);
    assertThat(json.at("/soak/end/liveTensors").asInt()).isEqualTo(32);
    assertThat(json.at("/soak/end/heapUsedBytes").asLong()).isEqualTo(6L << 20);
  }

  @Test
  void textTablesShowRatiosMegabytesAndSkips() {
    String text = BenchmarkReport.text(result());
    assertThat(text).contains("AMD EPYC, 2 cores, AVX2 yes")
        .contains("TensorFlow threads: 2 intra-op, 2 inter-op")
        .contains("| weight load (Keras HDF5) | 0.75 |")
        .contains("| process start to first heatmap | 3.25 |")
        .contains("| vgg16, one image | warm | 3 | 1.42 | 1.10 |")
        .contains("| vgg16, one image (FAILED, exit 3) | cold | 3 | 6.50 | ? |")
        .contains("| forward | 1 | 3 | 0.400 |  | 1500 |")
        .contains("| gradcam | 8 | 24 | 0.270 | 1.08 | 1710 |")
        .contains("| scorecam | 8 | 1 | 150.000 | 600.00 | ? |")
        .contains("| cat.png | 512 | 100 | 413 |")
        .contains("soak: 1000 images")
        .contains("| at end | 1601 | 6 | 32 | 1 |")
        .doesNotContain("cannot reset");
  }

  @Test
  void oneShotRunsReplaceThisProcesssOwnStartToFirstHeatmap() {
    BenchmarkResult r = result();
    BenchmarkResult without = new BenchmarkResult(r.machine(), r.startup(), null, r.forward(),
        List.of(), List.of(), null, true, List.of());

    assertThat(without.withOneShot(List.of()).startup().firstHeatmapSinceProcessStart())
        .isEqualTo(3.25);
    assertThat(without.withOneShot(r.oneShot()).startup().firstHeatmapSinceProcessStart()).isNull();
    assertThat(BenchmarkReport.text(without.withOneShot(r.oneShot())))
        .doesNotContain("process start to first heatmap");
  }

  @Test
  void defaultThreadsAndMissingSectionsAreSaidPlainly() {
    BenchmarkResult r = result();
    BenchmarkResult bare = new BenchmarkResult(new Machine(2, 0, 0, "x", false, "17", 1L << 30, "VGG16",
        "w", "i"), r.startup(), null, r.forward(), List.of(), List.of(), null, false, List.of());
    String text = BenchmarkReport.text(bare);
    assertThat(text).contains("TensorFlow threads: default intra-op, default inter-op")
        .contains("AVX2 no")
        .contains("cannot reset it per case")
        .doesNotContain("soak:")
        .doesNotContain("Score-CAM image")
        .doesNotContain("decode + preprocess")
        .doesNotContain("one-shot");
  }
}
