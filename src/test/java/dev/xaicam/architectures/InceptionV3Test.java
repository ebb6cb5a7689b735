package dev.xaicam.architectures;

import static dev.xaicam.architectures.ArchitectureChecks.names;
import static dev.xaicam.architectures.ArchitectureChecks.parameters;
import static dev.xaicam.architectures.ArchitectureChecks.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.ModelGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras Applications' InceptionV3: Keras's parameter count, layer names, shapes, default target and weight check. */
class InceptionV3Test {
  /** Built once: the graph is immutable. */
  private static final ModelGraph GRAPH = ModelGraph.of(InceptionV3.spec());

  @Test
  void hasKerasParameterCountAndDefaultTarget() {
    // Keras Applications' published total, BatchNormalization's moving statistics included.
    assertThat(parameters(GRAPH)).isEqualTo(23_851_784L);
    assertThat(GRAPH.defaultTarget().name()).isEqualTo("mixed10");
    assertThat(GRAPH.defaultTarget().shape()).containsExactly(8, 8, 2048);
    assertThat(GRAPH.inputShape()).containsExactly(299, 299, 3);
    assertThat(GRAPH.classCount()).isEqualTo(1000);
  }

  @Test
  void layersHaveKerasNamesOrderAndShapes() {
    assertThat(shape(GRAPH, "conv2d")).containsExactly(149, 149, 32);
    assertThat(shape(GRAPH, "activation_2")).containsExactly(147, 147, 64);
    assertThat(shape(GRAPH, "max_pooling2d_1")).containsExactly(35, 35, 192);
    assertThat(shape(GRAPH, "mixed0")).containsExactly(35, 35, 256);
    assertThat(shape(GRAPH, "mixed2")).containsExactly(35, 35, 288);
    assertThat(shape(GRAPH, "mixed3")).containsExactly(17, 17, 768);
    assertThat(shape(GRAPH, "mixed7")).containsExactly(17, 17, 768);
    assertThat(shape(GRAPH, "mixed8")).containsExactly(8, 8, 1280);
    assertThat(shape(GRAPH, "mixed9_1")).containsExactly(8, 8, 768);
    assertThat(names(GRAPH).subList(0, 8)).containsExactly("input_1", "conv2d",
        "batch_normalization", "activation", "conv2d_1", "batch_normalization_1", "activation_1",
        "conv2d_2");
    assertThat(names(GRAPH)).hasSize(313).contains("conv2d_93", "activation_93")
        .endsWith("mixed10", "avg_pool", "predictions");
  }

  @Test
  void aWeightFileWithOneWrongShapeNamesTheLayer(@TempDir Path dir) {
    ArchitectureChecks.assertWrongShapeNamesLayer(GRAPH, "batch_normalization_40", dir);
  }
}
