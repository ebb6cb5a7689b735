package dev.xaicam.architectures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.LayerSummary;
import dev.xaicam.network.ModelGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VGG16 as a graph: Keras's layer names, configs and shapes, full size and shrunk. */
class Vgg16Test {

  @Test
  void fullSizeHasKerasNamesAndShapes() {
    GraphSpec spec = Vgg16.spec();
    assertThat(spec.nodes().get(0).name()).isEqualTo("input_1");
    assertThat(spec.outputName()).isEqualTo("predictions");
    assertThat(spec.node("block1_conv1").config().get("padding").asText()).isEqualTo("same");
    assertThat(spec.node("predictions").config().get("activation").asText()).isEqualTo("softmax");
    List<LayerSummary> layers = ModelGraph.of(spec).layers();
    assertThat(layers.stream().map(LayerSummary::name).toList()).containsExactly("input_1",
        "block1_conv1", "block1_conv2", "block1_pool", "block2_conv1", "block2_conv2",
        "block2_pool", "block3_conv1", "block3_conv2", "block3_conv3", "block3_pool",
        "block4_conv1", "block4_conv2", "block4_conv3", "block4_pool", "block5_conv1",
        "block5_conv2", "block5_conv3", "block5_pool", "flatten", "fc1", "fc2", "predictions");
    assertThat(layers.get(18).outputShape()).containsExactly(7, 7, 512);
    assertThat(layers.get(19).outputShape()).containsExactly(25088);
  }

  @Test
  void shrunkVariantKeepsTheStructure() {
    ModelGraph graph = ModelGraph.of(Vgg16.spec(16, 8, 5, 32));
    assertThat(graph.inputShape()).containsExactly(32, 32, 3);
    assertThat(graph.classCount()).isEqualTo(5);
    assertThat(graph.defaultTarget().shape()).containsExactly(2, 2, 32);
    assertThatThrownBy(() -> Vgg16.spec(3, 8, 5, 32)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("width divisor must divide 64, got 3");
    assertThatThrownBy(() -> Vgg16.spec(16, 8, 5, 48)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 32");
  }
}
