package dev.xaicam.architectures;

import static dev.xaicam.architectures.ArchitectureChecks.names;
import static dev.xaicam.architectures.ArchitectureChecks.parameters;
import static dev.xaicam.architectures.ArchitectureChecks.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.ModelGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras Applications' MobileNetV2 (alpha 1.0, 224): Keras's parameter count, layer names, shapes, default target and weight check. */
class MobileNetV2Test {
  /** Built once: the graph is immutable. */
  private static final ModelGraph GRAPH = ModelGraph.of(MobileNetV2.spec());

  @Test
  void hasKerasParameterCountAndDefaultTarget() {
    // Keras Applications' published total, BatchNormalization's moving statistics included.
    assertThat(parameters(GRAPH)).isEqualTo(3_538_984L);
    assertThat(GRAPH.defaultTarget().name()).isEqualTo("out_relu");
    assertThat(GRAPH.defaultTarget().shape()).containsExactly(7, 7, 1280);
    assertThat(GRAPH.inputShape()).containsExactly(224, 224, 3);
    assertThat(GRAPH.classCount()).isEqualTo(1000);
  }

  @Test
  void layersHaveKerasNamesOrderAndShapes() {
    assertThat(shape(GRAPH, "Conv1")).containsExactly(112, 112, 32);
    assertThat(shape(GRAPH, "expanded_conv_project_BN")).containsExactly(112, 112, 16);
    assertThat(shape(GRAPH, "block_1_pad")).containsExactly(113, 113, 96);
    assertThat(shape(GRAPH, "block_1_depthwise")).containsExactly(56, 56, 96);
    assertThat(shape(GRAPH, "block_2_add")).containsExactly(56, 56, 24);
    assertThat(shape(GRAPH, "block_16_project_BN")).containsExactly(7, 7, 320);
    assertThat(names(GRAPH).subList(0, 12)).containsExactly("input_1", "Conv1", "bn_Conv1",
        "Conv1_relu", "expanded_conv_depthwise", "expanded_conv_depthwise_BN",
        "expanded_conv_depthwise_relu", "expanded_conv_project", "expanded_conv_project_BN",
        "block_1_expand", "block_1_expand_BN", "block_1_expand_relu");
    assertThat(names(GRAPH)).hasSize(156)
        .endsWith("out_relu", "global_average_pooling2d", "predictions");
  }

  @Test
  void aWeightFileWithOneWrongShapeNamesTheLayer(@TempDir Path dir) {
    ArchitectureChecks.assertWrongShapeNamesLayer(GRAPH, "block_5_depthwise", dir);
  }

  @Test
  @Tag("native")
  void runsForwardOnRandomWeights() {
    ArchitectureChecks.assertRunsForward(GRAPH);
  }
}
