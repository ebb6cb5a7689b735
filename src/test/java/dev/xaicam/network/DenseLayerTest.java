package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Dense: on vectors and on the last axis of a map, hand-worked, and gradients by FD. */
class DenseLayerTest {

  @Test
  void mapsTheLastAxisAndKeepsTheOthers() {
    Layer flat = LayerGradientCheck.layer("Dense", "{\"units\":10}", new int[] {64});
    assertThat(flat.outputShape()).containsExactly(10);
    assertThat(flat.weights()).containsExactly(new WeightSpec("kernel", new int[] {64, 10}),
        new WeightSpec("bias", new int[] {10}));
    Layer map = LayerGradientCheck.layer("Dense", "{\"units\":5,\"use_bias\":false}",
        new int[] {7, 7, 3});
    assertThat(map.outputShape()).containsExactly(7, 7, 5);
    assertThat(map.weights()).containsExactly(new WeightSpec("kernel", new int[] {3, 5}));
  }

  @Test
  @Tag("native")
  void handWorkedRowsAndTheSameRowsAsAMap() {
    // rows (1, 2) and (3, -4) times [[1, 0, -1], [2, 1, 0]] plus (0, -1, 5), then relu
    double[] x = {1, 2, 3, -4};
    double[] expected = {5, 1, 4, 0, 0, 2};
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      List<Tensor> w = List.of(s.fromDoubles(new double[] {1, 0, -1, 2, 1, 0}, 2, 3),
          s.fromDoubles(new double[] {0, -1, 5}, 3));
      Layer rows = LayerGradientCheck.layer("Dense", "{\"units\":3,\"activation\":\"relu\"}",
          new int[] {2});
      assertThat(LayerGradientCheck.forward(s, rows, w, x, 2, 2)).containsExactly(expected);
      Layer map = LayerGradientCheck.layer("Dense", "{\"units\":3,\"activation\":\"relu\"}",
          new int[] {2, 1, 2});
      assertThat(LayerGradientCheck.forward(s, map, w, x, 1, 2, 1, 2)).containsExactly(expected);
    }
  }

  @Test
  @Tag("native")
  void backwardAndWeightGradientsMatchFiniteDifferences() {
    Object[][] cases = {
        {"{\"units\":4,\"activation\":\"softmax\"}", new int[] {6}},
        {"{\"units\":3,\"activation\":\"tanh\"}", new int[] {3, 2, 4}},
        {"{\"units\":3,\"activation\":\"gelu\",\"use_bias\":false}", new int[] {2, 3, 4}}};
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      for (Object[] c : cases) {
        int[] in = (int[]) c[1];
        Layer layer = LayerGradientCheck.layer("Dense", (String) c[0], in);
        int[] batch = new int[in.length + 1];
        batch[0] = 2;
        System.arraycopy(in, 0, batch, 1, in.length);
        LayerGradientCheck.assertBackwardMatchesForward(s, layer,
            LayerGradientCheck.randomWeights(s, layer, 5), 7, batch);
        LayerGradientCheck.assertWeightGradientsMatchForward(s, (TrainableLayer) layer, 9, batch);
      }
    }
  }
}
