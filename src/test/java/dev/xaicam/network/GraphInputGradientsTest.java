package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.cam.InputGradientFunction;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SmoothGrad's input-gradient function: per input, the network's own input gradients. */
@Tag("native")
class GraphInputGradientsTest {
  /** The branching test graph with a softmax head over 4 classes. */
  private final ModelGraph graph = ModelGraph.of(TestGraphs.branching("softmax", 4));

  @Test
  void gradientsOfEachInputEqualThoseOfItsOwnPass() {
    int size = graph.inputSize();
    float[] image = GraphNetworkTest.floats(LayerGradientCheck.random(3, size));
    float[] all = GraphNetworkTest.floats(LayerGradientCheck.random(4, 3 * size));
    float[][] inputs = new float[3][];
    for (int j = 0; j < 3; j++) {
      inputs[j] = Arrays.copyOfRange(all, j * size, (j + 1) * size);
    }
    try (GraphNetwork network = GraphNetworkTest.create(graph, 5)) {
      InputGradientFunction function = network.inputGradientFunction(image, 1, 2);
      assertThat(function.input()).containsExactly(image);
      assertThat(new int[] {function.height(), function.width(), function.channels()})
          .containsExactly(6, 6, 2);
      float[][] gradients = function.gradients(inputs);
      assertThat(gradients).hasNumberOfRows(3);
      for (int j = 0; j < 3; j++) {
        float[] own = network.inputGradients(inputs[j], 1, new int[] {1})[0];
        assertThat(gradients[j]).containsExactly(own);
      }
      assertThatThrownBy(() -> function.gradients(new float[][] {new float[3]}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("input 0 must hold 72 values, got 3");
    }
  }
}
