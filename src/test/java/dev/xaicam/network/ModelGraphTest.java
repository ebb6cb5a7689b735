package dev.xaicam.network;

import static dev.xaicam.network.TestGraphs.input;
import static dev.xaicam.network.TestGraphs.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.architectures.Vgg16;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ModelGraph: shapes through the registry, the summary, heads, and models it refuses. */
class ModelGraphTest {

  @Test
  void vgg16SummaryMatchesKerasModelSummary() {
    ModelGraph graph = ModelGraph.of(Vgg16.spec());
    List<LayerSummary> layers = graph.layers();
    assertThat(layers).hasSize(23);
    assertThat(layers.get(0)).isEqualTo(new LayerSummary("input_1", "InputLayer",
        new int[] {224, 224, 3}, 0, List.of(), false));
    assertThat(layers.get(1).parameterCount()).isEqualTo(1792);
    LayerSummary conv = layers.get(17);
    assertThat(conv.name()).isEqualTo("block5_conv3");
    assertThat(conv.shapeText()).isEqualTo("(None, 14, 14, 512)");
    assertThat(conv.defaultTarget()).isTrue();
    assertThat(layers.stream().filter(LayerSummary::defaultTarget).count()).isEqualTo(1);
    assertThat(layers.get(20).parameterCount()).isEqualTo(102_764_544);
    // Keras reports 138,357,544 parameters for VGG16
    assertThat(layers.stream().mapToLong(LayerSummary::parameterCount).sum())
        .isEqualTo(138_357_544L);
    assertThat(graph.inputShape()).containsExactly(224, 224, 3);
    assertThat(graph.classCount()).isEqualTo(1000);
    assertThat(graph.head().kind()).isEqualTo(OutputHead.Kind.SOFTMAX);
    assertThat(graph.weightShapes().get("fc1")).containsExactly(new int[] {25088, 4096},
        new int[] {4096});
  }

  @Test
  void outputSoftmaxIsStrippedForScoresOnly() {
    ModelGraph graph = ModelGraph.of(TestGraphs.branching("softmax", 4));
    int out = graph.outputIndex();
    assertThat(graph.layer(out).outputActivation()).isEqualTo("softmax");
    assertThat(graph.scoringLayer(out).outputActivation()).isEqualTo("linear");
    ModelGraph linear = ModelGraph.of(TestGraphs.branching("relu", 4));
    assertThat(linear.scoringLayer(linear.outputIndex()))
        .isSameAs(linear.layer(linear.outputIndex()));
  }

  @Test
  void pathAndFeedsOutputFollowTheEdges() {
    GraphSpec spec = new GraphSpec("dangling", List.of(
        node("in", "InputLayer", input(4, 4, 1)),
        node("a", "Conv2D", "{\"filters\":1,\"kernel_size\":1}", "in"),
        node("unused", "Conv2D", "{\"filters\":1,\"kernel_size\":1}", "in"),
        node("flatten", "Flatten", "{}", "a"),
        node("out", "Dense", "{\"units\":2}", "flatten")), "out");
    ModelGraph graph = ModelGraph.of(spec);
    assertThat(graph.feedsOutput(2)).isFalse();
    assertThat(graph.feedsOutput(1)).isTrue();
    assertThat(graph.pathFrom(1)).containsExactly(false, false, false, true, true);
    assertThat(graph.pathFrom(0)).containsExactly(false, true, false, true, true);
  }

  @Test
  void refusesModelsThatAreNotOneImageInOneScoreVectorOut() {
    GraphSpec twoInputs = new GraphSpec("two", List.of(
        node("in", "InputLayer", input(4, 4, 1)),
        node("in2", "InputLayer", input(4, 4, 1)),
        node("add", "Add", "{}", "in", "in2"),
        node("flatten", "Flatten", "{}", "add")), "flatten");
    assertThatThrownBy(() -> ModelGraph.of(twoInputs)).isInstanceOf(XaiCamException.class)
        .hasMessage("model 'two' has a second input layer 'in2'; xai-cam runs models with one"
            + " input image");
    GraphSpec mapOut = new GraphSpec("maps", List.of(
        node("in", "InputLayer", input(4, 4, 1)),
        node("c", "Conv2D", "{\"filters\":2,\"kernel_size\":1}", "in")), "c");
    assertThatThrownBy(() -> ModelGraph.of(mapOut)).isInstanceOf(XaiCamException.class)
        .hasMessage("model 'maps' outputs (4, 4, 2) at 'c', not one score per class");
    GraphSpec vector = new GraphSpec("vector", List.of(
        node("in", "InputLayer", "{\"batch_input_shape\":[null,8]}"),
        node("d", "Dense", "{\"units\":2}", "in")), "d");
    assertThatThrownBy(() -> ModelGraph.of(vector)).isInstanceOf(XaiCamException.class)
        .hasMessageContaining("xai-cam needs an H x W x C image input");
  }

  @Test
  void anUnsupportedLayerStopsTheBuildNamingIt() {
    GraphSpec spec = new GraphSpec("custom", List.of(
        node("in", "InputLayer", input(4, 4, 1)),
        node("lambda", "Lambda", "{}", "in")), "lambda");
    assertThatThrownBy(() -> ModelGraph.of(spec)).isInstanceOf(XaiCamException.class)
        .hasMessageStartingWith("layer 'lambda' is a Lambda, which xai-cam cannot run");
  }
}
