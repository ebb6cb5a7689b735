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

  private static ExplainSettings settings(List<String> methods, String layer, List<String> classes, Integer maxN) {
    return ExplainSettings.builder().offline(true).methods(methods).layer(layer).classes(classes).maxN(maxN).build();
  }

  @Test
  void resolvesMethodsAliasesLayerAndClassesWithoutLoadingTheModel() {
    // A layer name picks exactly that layer (any map output), pooling layers included.
    RunPlan plan = RunPlan.of(
        settings(List.of("gradcam", "gradcampp", "gradcam++"), "block4_pool", List.of("golden retriever", "281", "281"), null),
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
    assertThatThrownBy(() -> RunPlan.of(settings(List.of("gradcam", "scorecam"), null, List.of(), 5), CATALOG))
        .isInstanceOf(XaiCamException.class)
        .hasMessage("--max-n only applies to -m faster-scorecam, which is not among the methods");
    ExplainSettings notGiven = ExplainSettings.builder().offline(true).methods(List.of("gradcam")).build();
    assertThat(RunPlan.of(notGiven, CATALOG).methods()).hasSize(1);
  }

  @Test
  void topKAboveTheModelsClassCountIsAUsageErrorNamingTheCount() {
    ExplainSettings tooMany = ExplainSettings.builder().model("demo").topK(7).build();
    ExplainSettings demoAll = ExplainSettings.builder().model("demo").topK(6).build();

    assertThatThrownBy(() -> RunPlan.of(tooMany, CATALOG))
        .isInstanceOf(XaiCamException.class)
        .hasMessage("--top-k must be between 1 and 6 (the classes of demo), got 7");
    assertThat(RunPlan.of(demoAll, CATALOG).targets().of(new float[] {.1f, .3f, .2f, 0f, .25f, .15f}))
        .containsExactly(1, 4, 2, 5, 0, 3);
  }

  @Test
  void anAmbiguousClassNameIsAUsageError() {
    assertThatThrownBy(() -> RunPlan.of(settings(List.of("gradcam"), null, List.of("crane"), null),
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
    assertThat(top3.layout(false, false).png(Path.of("out/dog"), "gradcam", 7)).isEqualTo(Path.of("out/dog.gradcam.7.png"));

    RunPlan one = RunPlan.of(ExplainSettings.builder().classes(List.of("281")).build(), CATALOG);
    assertThat(one.targets().of(probabilities)).containsExactly(281);
    assertThat(one.layout(false, false).png(Path.of("out/dog"), "gradcam", 281)).isEqualTo(Path.of("out/dog.gradcam.png"));
  }
}
