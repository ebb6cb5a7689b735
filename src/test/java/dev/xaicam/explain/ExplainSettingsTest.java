package dev.xaicam.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.image.Colormap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainSettingsTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  @Test
  void badValuesAreUsageErrorsNamingTheOptionAndValue() {
    assertUsage(ExplainSettings.builder().topK(0), "--top-k must be >= 1, got 0");
    assertUsage(ExplainSettings.builder().alpha(1.5), "--alpha must be between 0 and 1, got 1.5");
    assertUsage(ExplainSettings.builder().alpha(Double.NaN), "--alpha must be between 0 and 1, got NaN");
    assertUsage(ExplainSettings.builder().batchSize(0), "--batch-size must be between 1 and 256, got 0");
    assertUsage(ExplainSettings.builder().maxPixels(0), "--max-pixels must be between 1 and 715827879, got 0");
    assertUsage(ExplainSettings.builder().threads(0), "--threads must be between 1 and " + 4 * CORES + ", got 0");
    assertUsage(ExplainSettings.builder().maxN(0), "--max-n must be >= 1, got 0");
    assertUsage(ExplainSettings.builder().smoothSamples(0),
        "--smooth-samples must be between 1 and 10000, got 0");
    assertUsage(ExplainSettings.builder().smoothNoise(-0.1),
        "--smooth-noise must be between 0 and 10, got -0.1");
    assertUsage(ExplainSettings.builder().smoothNoise(Double.NaN),
        "--smooth-noise must be between 0 and 10, got NaN");
    assertUsage(ExplainSettings.builder().methods(List.of()), "--method needs at least one method");
    assertUsage(ExplainSettings.builder().classes(List.of("3")).topK(2), "give either --class or --top-k, not both");
  }

  @Test
  void smoothGradOptionsReachTheMethodsOptions() {
    dev.xaicam.cam.CamOptions defaults = ExplainSettings.builder().build().camOptions();
    assertThat(defaults.smoothSamples()).isEqualTo(20);
    assertThat(defaults.smoothNoise()).isEqualTo(0.2);
    assertThat(defaults.seed()).isZero();
    dev.xaicam.cam.CamOptions given = ExplainSettings.builder().smoothSamples(7).smoothNoise(0.5)
        .seed(42).maxN(3).build().camOptions();
    assertThat(given.smoothSamples()).isEqualTo(7);
    assertThat(given.smoothNoise()).isEqualTo(0.5);
    assertThat(given.seed()).isEqualTo(42);
    assertThat(given.maxN()).isEqualTo(3);
  }

  @Test
  void numbersAboveTheirDocumentedRangesAreUsageErrorsNamingTheRange() {
    assertUsage(ExplainSettings.builder().batchSize(1 << 30), "--batch-size must be between 1 and 256, got 1073741824");
    assertUsage(ExplainSettings.builder().batchSize(257), "--batch-size must be between 1 and 256, got 257");
    assertUsage(ExplainSettings.builder().maxPixels(1_000_000_000_000L),
        "--max-pixels must be between 1 and 715827879, got 1000000000000");
    assertUsage(ExplainSettings.builder().threads(100_000),
        "--threads must be between 1 and " + 4 * CORES + ", got 100000");

    ExplainSettings largest = ExplainSettings.builder().batchSize(256).maxPixels(715_827_879L).threads(4 * CORES)
        .build();
    assertThat(largest.batchSize()).isEqualTo(256);
    assertThat(largest.maxPixels()).isEqualTo(715_827_879L);
    assertThat(largest.threads()).isEqualTo(4 * CORES);
    assertThat(largest.maxNGiven()).isFalse();
    assertThat(largest.maxN()).isEqualTo(ExplainSettings.DEFAULT_MAX_N);
  }

  @Test
  void figuresDefaultToJetWithoutRawMapsOrGallery() {
    ExplainSettings defaults = ExplainSettings.builder().build();
    ExplainSettings set = ExplainSettings.builder().colormap(Colormap.MAGMA).raw(true).html(Path.of("g.html")).build();

    assertThat(defaults.colormap()).isEqualTo(Colormap.JET);
    assertThat(defaults.raw()).isFalse();
    assertThat(defaults.html()).isNull();
    assertThat(set.colormap()).isEqualTo(Colormap.MAGMA);
    assertThat(set.raw()).isTrue();
    assertThat(set.html()).isEqualTo(Path.of("g.html"));
  }

  @Test
  void theBuiltSettingsDoNotChangeWithTheBuilderOrTheCallersList() {
    List<String> methods = new ArrayList<>(List.of("gradcam", "layercam"));
    ExplainSettings.Builder builder = ExplainSettings.builder().methods(methods).topK(2);
    ExplainSettings settings = builder.build();
    methods.add("scorecam");
    builder.topK(5).methods(List.of("scorecam"));

    assertThat(settings.methods()).containsExactly("gradcam", "layercam");
    assertThat(settings.topK()).isEqualTo(2);
    assertThatThrownBy(() -> settings.methods().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  private static void assertUsage(ExplainSettings.Builder builder, String message) {
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(XaiCamException.class,
            e -> assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_USAGE))
        .hasMessage(message);
  }
}
