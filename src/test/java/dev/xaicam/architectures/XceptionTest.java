package dev.xaicam.architectures;

import static dev.xaicam.architectures.ArchitectureChecks.names;
import static dev.xaicam.architectures.ArchitectureChecks.parameters;
import static dev.xaicam.architectures.ArchitectureChecks.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.ModelGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras Applications' Xception: Keras's parameter count, layer names, shapes, default target and weight check. */
class XceptionTest {
  /** Built once: the graph is immutable. */
  private static final ModelGraph GRAPH = ModelGraph.of(Xception.spec());

  @Test
  void hasKerasParameterCountAndDefaultTarget() {
    // Keras Applications' published total, BatchNormalization's moving statistics included.
    assertThat(parameters(GRAPH)).isEqualTo(22_910_480L);
    assertThat(GRAPH.defaultTarget().name()).isEqualTo("block14_sepconv2_act");
    assertThat(GRAPH.defaultTarget().shape()).containsExactly(10, 10, 2048);
    assertThat(GRAPH.inputShape()).containsExactly(299, 299, 3);
    assertThat(GRAPH.classCount()).isEqualTo(1000);
  }

  @Test
  void layersHaveKerasNamesOrderAndShapes() {
    assertThat(shape(GRAPH, "block1_conv1")).containsExactly(149, 149, 32);
    assertThat(shape(GRAPH, "block1_conv2_act")).containsExactly(147, 147, 64);
    assertThat(shape(GRAPH, "add")).containsExactly(74, 74, 128);
    assertThat(shape(GRAPH, "block4_pool")).containsExactly(19, 19, 728);
    assertThat(shape(GRAPH, "add_10")).containsExactly(19, 19, 728);
    assertThat(shape(GRAPH, "block13_pool")).containsExactly(10, 10, 1024);
    // The unnamed shortcut layers take their place by depth, as in Keras's summary.
    assertThat(names(GRAPH).subList(0, 16)).containsExactly("input_1", "block1_conv1",
        "block1_conv1_bn", "block1_conv1_act", "block1_conv2", "block1_conv2_bn",
        "block1_conv2_act", "block2_sepconv1", "block2_sepconv1_bn", "block2_sepconv2_act",
        "block2_sepconv2", "block2_sepconv2_bn", "conv2d", "block2_pool", "batch_normalization",
        "add");
    assertThat(names(GRAPH)).hasSize(134).endsWith("block14_sepconv2_act", "avg_pool",
        "predictions");
  }

  @Test
  void aWeightFileWithOneWrongShapeNamesTheLayer(@TempDir Path dir) {
    ArchitectureChecks.assertWrongShapeNamesLayer(GRAPH, "block7_sepconv2", dir);
  }
}
