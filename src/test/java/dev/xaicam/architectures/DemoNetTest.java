package dev.xaicam.architectures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.network.ModelGraph;
import org.junit.jupiter.api.Test;

/** The demo net as a graph: its default target sits early, at 32x32, on purpose. */
class DemoNetTest {

  @Test
  void layersShapesAndDefaultTarget() {
    ModelGraph graph = ModelGraph.of(DemoNet.spec(6));
    assertThat(graph.inputShape()).containsExactly(64, 64, 3);
    assertThat(graph.classCount()).isEqualTo(6);
    assertThat(graph.defaultTarget().name()).isEqualTo("block2_conv2");
    assertThat(graph.defaultTarget().shape()).containsExactly(32, 32, 64);
    assertThat(graph.weightShapes().get("fc1")).containsExactly(new int[] {1024, 64},
        new int[] {64});
    assertThatThrownBy(() -> DemoNet.spec(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("classes must be >= 2, got 1");
  }
}
