package dev.xaicam.architectures;

import static dev.xaicam.architectures.ArchitectureChecks.names;
import static dev.xaicam.architectures.ArchitectureChecks.parameters;
import static dev.xaicam.architectures.ArchitectureChecks.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.ModelGraph;
import org.junit.jupiter.api.Test;

/** Keras Applications' VGG19: Keras's parameter count, layer names, shapes, default target and weight check. */
class Vgg19Test {
  /** Built once: the graph is immutable. */
  private static final ModelGraph GRAPH = ModelGraph.of(Vgg19.spec());

  @Test
  void hasKerasParameterCountAndDefaultTarget() {
    // Keras Applications' published total, BatchNormalization's moving statistics included.
    assertThat(parameters(GRAPH)).isEqualTo(143_667_240L);
    assertThat(GRAPH.defaultTarget().name()).isEqualTo("block5_conv4");
    assertThat(GRAPH.defaultTarget().shape()).containsExactly(14, 14, 512);
    assertThat(GRAPH.inputShape()).containsExactly(224, 224, 3);
    assertThat(GRAPH.classCount()).isEqualTo(1000);
  }

  @Test
  void layersHaveKerasNamesOrderAndShapes() {
    assertThat(shape(GRAPH, "block3_conv4")).containsExactly(56, 56, 256);
    assertThat(shape(GRAPH, "block5_pool")).containsExactly(7, 7, 512);
    assertThat(shape(GRAPH, "flatten")).containsExactly(25088);
    assertThat(shape(GRAPH, "fc2")).containsExactly(4096);
    assertThat(names(GRAPH)).containsExactly("input_1", "block1_conv1", "block1_conv2",
        "block1_pool", "block2_conv1", "block2_conv2", "block2_pool", "block3_conv1",
        "block3_conv2", "block3_conv3", "block3_conv4", "block3_pool", "block4_conv1",
        "block4_conv2", "block4_conv3", "block4_conv4", "block4_pool", "block5_conv1",
        "block5_conv2", "block5_conv3", "block5_conv4", "block5_pool", "flatten", "fc1", "fc2",
        "predictions");
  }

  @Test
  void weightsWithOneWrongShapeNameTheLayer() {
    // In memory: jHDF cannot write a file this large (see ArchitectureChecks).
    ArchitectureChecks.assertWrongShapeNamesLayer(GRAPH, "block3_conv4");
  }
}
