package dev.xaicam.architectures;

import static dev.xaicam.architectures.ArchitectureChecks.names;
import static dev.xaicam.architectures.ArchitectureChecks.parameters;
import static dev.xaicam.architectures.ArchitectureChecks.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.ModelGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras Applications' EfficientNetB0: Keras's parameter count, layer names, shapes, default target and weight check. */
class EfficientNetB0Test {
  /** Built once: the graph is immutable. */
  private static final ModelGraph GRAPH = ModelGraph.of(EfficientNetB0.spec());

  @Test
  void hasKerasParameterCountAndDefaultTarget() {
    // Keras Applications' published total, BatchNormalization's moving statistics included.
    assertThat(parameters(GRAPH)).isEqualTo(5_330_571L);
    assertThat(GRAPH.defaultTarget().name()).isEqualTo("top_activation");
    assertThat(GRAPH.defaultTarget().shape()).containsExactly(7, 7, 1280);
    assertThat(GRAPH.inputShape()).containsExactly(224, 224, 3);
    assertThat(GRAPH.classCount()).isEqualTo(1000);
  }

  @Test
  void layersHaveKerasNamesOrderAndShapes() {
    assertThat(shape(GRAPH, "stem_conv")).containsExactly(112, 112, 32);
    assertThat(shape(GRAPH, "block1a_se_reshape")).containsExactly(1, 1, 32);
    assertThat(shape(GRAPH, "block2a_dwconv_pad")).containsExactly(113, 113, 96);
    assertThat(shape(GRAPH, "block3a_dwconv_pad")).containsExactly(59, 59, 144);
    assertThat(shape(GRAPH, "block3a_dwconv")).containsExactly(28, 28, 144);
    assertThat(shape(GRAPH, "block5c_add")).containsExactly(14, 14, 112);
    assertThat(shape(GRAPH, "block7a_project_bn")).containsExactly(7, 7, 320);
    // The model scales its own input: 1/255, the stored statistics, 1/sqrt(ImageNet stddev).
    assertThat(names(GRAPH).subList(0, 7)).containsExactly("input_1", "rescaling",
        "normalization", "rescaling_1", "stem_conv_pad", "stem_conv", "stem_bn");
    assertThat(GRAPH.weightShapes().get("normalization")).hasSize(3);
    assertThat(GRAPH.weightShapes().get("normalization").get(2)).isEmpty();
    assertThat(names(GRAPH)).contains("block2b_drop").doesNotContain("block1a_drop", "block2a_add")
        .endsWith("top_activation", "avg_pool", "top_dropout", "predictions");
  }

  @Test
  void aWeightFileWithOneWrongShapeNamesTheLayer(@TempDir Path dir) {
    ArchitectureChecks.assertWrongShapeNamesLayer(GRAPH, "block4b_se_reduce", dir);
  }
}
