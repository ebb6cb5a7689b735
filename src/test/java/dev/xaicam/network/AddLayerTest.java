package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Add: sums of two or more inputs with Keras broadcasting, gradients for every input by FD. */
class AddLayerTest {

  @Test
  void outputShapeBroadcastsSizesOfOne() {
    assertThat(LayerGradientCheck.layer("Add", "{}", new int[] {1, 1, 3}, new int[] {4, 4, 3})
        .outputShape()).containsExactly(4, 4, 3);
    assertThatThrownBy(() -> LayerGradientCheck.layer("Add", "{}", new int[] {4, 4, 3},
        new int[] {4, 4, 2})).isInstanceOf(XaiCamException.class)
        .hasMessage("layer 'layer' (Add): inputs (4, 4, 3) and (4, 4, 2) do not broadcast");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Add", "{}", new int[] {3}))
        .isInstanceOf(XaiCamException.class).hasMessageContaining("at least two inputs");
  }

  @Test
  @Tag("native")
  void sumsEveryInputAndBackwardMatchesFiniteDifferences() {
    Layer three = LayerGradientCheck.layer("Add", "{}", new int[] {2}, new int[] {2},
        new int[] {2});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      List<Tensor> inputs = List.of(s.fromDoubles(new double[] {1, 2}, 1, 2),
          s.fromDoubles(new double[] {10, 20}, 1, 2), s.fromDoubles(new double[] {100, 200}, 1, 2));
      assertThat(three.forward(s, inputs, List.of()).toDoubles()).containsExactly(111, 222);
      LayerGradientCheck.assertBackwardMatchesForward(s, three, List.of(), 3, new int[] {2, 2},
          new int[] {2, 2}, new int[] {2, 2});
      Layer broadcast = LayerGradientCheck.layer("Add", "{}", new int[] {3, 2, 4},
          new int[] {1, 1, 4});
      LayerGradientCheck.assertBackwardMatchesForward(s, broadcast, List.of(), 5,
          new int[] {2, 3, 2, 4}, new int[] {2, 1, 1, 4});
    }
  }
}
