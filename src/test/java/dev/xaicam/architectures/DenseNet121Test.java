package dev.xaicam.architectures;

import static dev.xaicam.architectures.ArchitectureChecks.names;
import static dev.xaicam.architectures.ArchitectureChecks.parameters;
import static dev.xaicam.architectures.ArchitectureChecks.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.ModelGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras Applications' DenseNet121: Keras's parameter count, layer names, shapes, default target and weight check. */
class DenseNet121Test {
  /** Built once: the graph is immutable. */
  private static final ModelGraph GRAPH = ModelGraph.of(DenseNet121.spec());

  @Test
  void hasKerasParameterCountAndDefaultTarget() {
    // Keras Applications' published total, BatchNormalization's moving statistics included.
    assertThat(parameters(GRAPH)).isEqualTo(8_062_504L);
    assertThat(GRAPH.defaultTarget().name()).isEqualTo("relu");
    assertThat(GRAPH.defaultTarget().shape()).containsExactly(7, 7, 1024);
    assertThat(GRAPH.inputShape()).containsExactly(224, 224, 3);
    assertThat(GRAPH.classCount()).isEqualTo(1000);
  }

  @Test
  void layersHaveKerasNamesOrderAndShapes() {
    assertThat(shape(GRAPH, "zero_padding2d")).containsExactly(230, 230, 3);
    assertThat(shape(GRAPH, "pool1")).containsExactly(56, 56, 64);
    assertThat(shape(GRAPH, "conv2_block6_concat")).containsExactly(56, 56, 256);
    assertThat(shape(GRAPH, "pool2_pool")).containsExactly(28, 28, 128);
    assertThat(shape(GRAPH, "conv3_block12_concat")).containsExactly(28, 28, 512);
    assertThat(shape(GRAPH, "pool3_pool")).containsExactly(14, 14, 256);
    assertThat(shape(GRAPH, "conv4_block24_concat")).containsExactly(14, 14, 1024);
    assertThat(shape(GRAPH, "pool4_pool")).containsExactly(7, 7, 512);
    assertThat(shape(GRAPH, "conv5_block16_concat")).containsExactly(7, 7, 1024);
    assertThat(names(GRAPH).subList(0, 10)).containsExactly("input_1", "zero_padding2d",
        "conv1_conv", "conv1_bn", "conv1_relu", "zero_padding2d_1", "pool1", "conv2_block1_0_bn",
        "conv2_block1_0_relu", "conv2_block1_1_conv");
    assertThat(names(GRAPH)).hasSize(429).endsWith("bn", "relu", "avg_pool", "predictions");
  }

  @Test
  void aWeightFileWithOneWrongShapeNamesTheLayer(@TempDir Path dir) {
    ArchitectureChecks.assertWrongShapeNamesLayer(GRAPH, "conv3_block7_1_bn", dir);
  }
}
