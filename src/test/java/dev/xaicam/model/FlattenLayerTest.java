package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorEngine;
import dev.xaicam.engine.TensorScope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** FlattenLayer keeps Keras's channels-last H, W, C order. */
@Tag("native")
class FlattenLayerTest {

  @Test
  void flattensInHeightWidthChannelOrder() {
    try (TensorScope s = TensorEngine.openScope()) {
      // value = 100*h + 10*w + c for a 2x2x2 map
      double[] v = new double[8];
      for (int h = 0; h < 2; h++) {
        for (int w = 0; w < 2; w++) {
          for (int c = 0; c < 2; c++) {
            v[(h * 2 + w) * 2 + c] = 100 * h + 10 * w + c;
          }
        }
      }
      FlattenLayer flatten = new FlattenLayer("flatten");
      Tensor y = flatten.forward(s, s.fromDoubles(v, 1, 2, 2, 2));
      assertThat(y.shape()).containsExactly(1, 8);
      assertThat(y.toDoubles()).containsExactly(0, 1, 10, 11, 100, 101, 110, 111);
      assertThat(flatten.outputShape(new int[] {7, 7, 512})).containsExactly(25088);
    }
  }

  @Test
  void backwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorEngine.openScope()) {
      FiniteDifferences.assertBackwardMatchesForward(s, new FlattenLayer("f"),
          new int[] {2, 3, 2, 4}, 40);
    }
  }
}
