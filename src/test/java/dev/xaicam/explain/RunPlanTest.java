package dev.xaicam.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.models.DownloadListener;
import dev.xaicam.models.ModelCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks an explain run makes before loading anything native. */
class RunPlanTest {

  private static final ModelCatalog CATALOG = ModelCatalog.builtIn(DownloadListener.SILENT);

  private static ExplainSettings settings(List<String> methods, String layer, List<String> classes, int maxN) {
    return ExplainSettings.builder().offline(true).methods(methods).layer(layer).classes(classes).maxN(maxN).build();
  }

  @Test
  void resolvesMethodsAliasesLayerAndClassesWithoutLoadingTheModel() {
    // A layer name picks exactly that layer (any map output), pooling layers included.
    RunPlan plan = RunPlan.of(
        settings(List.of("gradcam", "gradcampp", "gradcam++"), "block4_pool", List.of("golden retriever", "281", "281"), 10),
        CATALOG);

    assertThat(plan.methods()).extracting(CamMethod::name).containsExactly("gradcam", "gradcam++");
    assertThat(plan.layer().name()).isEqualTo("block4_pool");
    assertThat(plan.classes()).containsExactly(207, 281);
  }

  @Test
  void maxNOutsideTheLayersChannelsIsAUsageErrorNamingTheCount() {
    assertThatThrownBy(() -> RunPlan.of(
            settings(List.of("faster-scorecam"), "block1_conv1", List.of(), 65), CATALOG))
        .isInstanceOf(XaiCamException.class)
        .hasMessageContaining("between 1 and 64")
        .hasMessageContaining("block1_conv1")
        .hasMessageContaining("65");
    assertThat(RunPlan.of(settings(List.of("gradcam"), null, List.of(), 600), CATALOG)
        .methods()).hasSize(1); // --max-n only matters to faster-scorecam
  }

  @Test
  void anAmbiguousClassNameIsAUsageError() {
    assertThatThrownBy(() -> RunPlan.of(settings(List.of("gradcam"), null, List.of("crane"), 10),
            CATALOG))
        .isInstanceOf(XaiCamException.class)
        .hasMessageContaining("134")
        .hasMessageContaining("517");
  }

  @Test
  void topKGivesTheTopTargetsAndTagsFileNamesOnlyWithSeveral() {
    RunPlan top3 = RunPlan.of(ExplainSettings.builder().topK(3).build(), CATALOG);
    float[] probabilities = new float[1000];
    probabilities[7] = 0.5f;
    probabilities[3] = 0.3f;
    probabilities[900] = 0.2f;
    assertThat(top3.targets().of(probabilities)).containsExactly(7, 3, 900);
    assertThat(top3.layout(false).png(Path.of("out/dog"), "gradcam", 7)).isEqualTo(Path.of("out/dog.gradcam.7.png"));

    RunPlan one = RunPlan.of(ExplainSettings.builder().classes(List.of("281")).build(), CATALOG);
    assertThat(one.targets().of(probabilities)).containsExactly(281);
    assertThat(one.layout(false).png(Path.of("out/dog"), "gradcam", 281)).isEqualTo(Path.of("out/dog.gradcam.png"));
  }
}
