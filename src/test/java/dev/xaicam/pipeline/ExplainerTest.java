package dev.xaicam.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.CamMethod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks an explain run makes before loading anything native (its {@link Explainer.Plan}). */
class ExplainerTest {

  private static ExplainSettings settings(List<String> methods, String layer, List<String> classes, int maxN) {
    return new ExplainSettings("vgg16", null, true, methods, layer, classes, 1, Path.of("out"), 0.5, false, 32,
        maxN, 1000, null, false);
  }

  @Test
  void resolvesMethodsAliasesLayerAndClassesWithoutLoadingTheModel() {
    Explainer.Plan plan = Explainer.Plan.of(
        settings(List.of("gradcam", "gradcampp", "gradcam++"), "block4_pool", List.of("golden retriever", "281", "281"), 10),
        ModelCatalog.builtIn());

    assertThat(plan.methods()).extracting(CamMethod::name).containsExactly("gradcam", "gradcam++");
    assertThat(plan.layer().name()).isEqualTo("block4_conv3");
    assertThat(plan.classes()).containsExactly(207, 281);
  }

  @Test
  void maxNOutsideTheLayersChannelsIsAUsageErrorNamingTheCount() {
    assertThatThrownBy(() -> Explainer.Plan.of(
            settings(List.of("faster-scorecam"), "block1_conv1", List.of(), 65), ModelCatalog.builtIn()))
        .isInstanceOf(XaiCamException.class)
        .hasMessageContaining("between 1 and 64")
        .hasMessageContaining("block1_conv1")
        .hasMessageContaining("65");
    assertThat(Explainer.Plan.of(settings(List.of("gradcam"), null, List.of(), 600), ModelCatalog.builtIn())
        .methods()).hasSize(1); // --max-n only matters to faster-scorecam
  }

  @Test
  void anAmbiguousClassNameIsAUsageError() {
    assertThatThrownBy(() -> Explainer.Plan.of(settings(List.of("gradcam"), null, List.of("crane"), 10),
            ModelCatalog.builtIn()))
        .isInstanceOf(XaiCamException.class)
        .hasMessageContaining("134")
        .hasMessageContaining("517");
  }

  @Test
  void probabilitiesPrintReadablyWhateverTheirSize() {
    assertThat(Explainer.probabilityText(0.834)).isEqualTo("0.83");
    assertThat(Explainer.probabilityText(0.00123)).isEqualTo("1.2e-03");
  }
}
