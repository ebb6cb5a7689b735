package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorEngine;
import dev.xaicam.engine.TensorScope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** MaxPool2DLayer: argmax routing per channel and finite differences. */
@Tag("native")
class MaxPool2DLayerTest {

  @Test
  void backwardRoutesEachGradientToItsWindowArgmaxPerChannel() {
    try (TensorScope s = TensorEngine.openScope()) {
      MaxPool2DLayer pool = new MaxPool2DLayer("p");
      // 2x2 image, 2 channels: channel 0 peaks at (1,0), channel 1 at (0,1)
      Tensor x = s.fromDoubles(new double[] {0, 1, 1, 9, 8, 2, 3, 4}, 1, 2, 2, 2);
      Tensor y = pool.forward(s, x);
      assertThat(y.toDoubles()).containsExactly(8, 9);
      Tensor dx = pool.backward(s, x, y, s.fromDoubles(new double[] {5, 7}, 1, 1, 1, 2));
      assertThat(dx.toDoubles()).containsExactly(0, 0, 0, 7, 5, 0, 0, 0);
      assertThat(pool.outputShape(new int[] {7, 6, 3})).containsExactly(3, 3, 3);
    }
  }

  @Test
  void backwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorEngine.openScope()) {
      FiniteDifferences.assertBackwardMatchesForward(s, new MaxPool2DLayer("p"),
          new int[] {2, 4, 6, 3}, 30);
    }
  }

  @Test
  void weightlessLayersHaveNoWeightGradients() {
    try (TensorScope s = TensorEngine.openScope()) {
      Tensor x = s.fromDoubles(new double[16], 1, 4, 4, 1);
      MaxPool2DLayer pool = new MaxPool2DLayer("p");
      assertThat(pool.weightGradients(s, x, pool.forward(s, x), s.fromDoubles(new double[4], 1, 2, 2, 1)))
          .isEmpty();
    }
  }
}
