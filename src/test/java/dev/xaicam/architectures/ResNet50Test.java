package dev.xaicam.architectures;

import static dev.xaicam.architectures.ArchitectureChecks.names;
import static dev.xaicam.architectures.ArchitectureChecks.parameters;
import static dev.xaicam.architectures.ArchitectureChecks.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.ModelGraph;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Keras Applications' ResNet50: Keras's parameter count, layer names, shapes, default target and weight check. */
class ResNet50Test {
  /** Built once: the graph is immutable. */
  private static final ModelGraph GRAPH = ModelGraph.of(ResNet50.spec());

  @Test
  void hasKerasParameterCountAndDefaultTarget() {
    // Keras Applications' published total, BatchNormalization's moving statistics included.
    assertThat(parameters(GRAPH)).isEqualTo(25_636_712L);
    assertThat(GRAPH.defaultTarget().name()).isEqualTo("conv5_block3_out");
    assertThat(GRAPH.defaultTarget().shape()).containsExactly(7, 7, 2048);
    assertThat(GRAPH.inputShape()).containsExactly(224, 224, 3);
    assertThat(GRAPH.classCount()).isEqualTo(1000);
  }

  @Test
  void layersHaveKerasNamesOrderAndShapes() {
    assertThat(shape(GRAPH, "conv1_conv")).containsExactly(112, 112, 64);
    assertThat(shape(GRAPH, "pool1_pool")).containsExactly(56, 56, 64);
    assertThat(shape(GRAPH, "conv2_block3_out")).containsExactly(56, 56, 256);
    assertThat(shape(GRAPH, "conv3_block4_out")).containsExactly(28, 28, 512);
    assertThat(shape(GRAPH, "conv4_block6_out")).containsExactly(14, 14, 1024);
    assertThat(shape(GRAPH, "avg_pool")).containsExactly(2048);
    // Keras orders by depth: the projection shortcut sits beside the main path.
    assertThat(names(GRAPH).subList(0, 19)).containsExactly("input_1", "conv1_pad", "conv1_conv",
        "conv1_bn", "conv1_relu", "pool1_pad", "pool1_pool", "conv2_block1_1_conv",
        "conv2_block1_1_bn", "conv2_block1_1_relu", "conv2_block1_2_conv", "conv2_block1_2_bn",
        "conv2_block1_2_relu", "conv2_block1_0_conv", "conv2_block1_3_conv", "conv2_block1_0_bn",
        "conv2_block1_3_bn", "conv2_block1_add", "conv2_block1_out");
    assertThat(names(GRAPH)).hasSize(177).endsWith("conv5_block3_out", "avg_pool", "predictions");
  }

  @Test
  void weightsWithOneWrongShapeNameTheLayer() {
    // In memory: jHDF cannot write a file this large (see ArchitectureChecks).
    ArchitectureChecks.assertWrongShapeNamesLayer(GRAPH, "conv4_block3_2_bn");
  }

  @Test
  @Tag("native")
  void runsForwardOnRandomWeights() {
    ArchitectureChecks.assertRunsForward(GRAPH);
  }
}
