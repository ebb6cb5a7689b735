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

/** PReLU: alpha's shape from shared_axes, a hand-worked map, gradients by FD. */
class PReLULayerTest {

  @Test
  void sharedAxesShrinkAlpha() {
    Layer shared = LayerGradientCheck.layer("PReLU", "{\"shared_axes\":[1,2]}",
        new int[] {5, 5, 8});
    assertThat(shared.weights()).containsExactly(new WeightSpec("alpha", new int[] {1, 1, 8}));
    Layer full = LayerGradientCheck.layer("PReLU", "{\"shared_axes\":null}", new int[] {5, 5, 8});
    assertThat(full.weights()).containsExactly(new WeightSpec("alpha", new int[] {5, 5, 8}));
    assertThatThrownBy(() -> LayerGradientCheck.layer("PReLU", "{\"shared_axes\":[4]}",
        new int[] {5, 5, 8})).isInstanceOf(XaiCamException.class)
        .hasMessageContaining("shared axis 4");
  }

  @Test
  @Tag("native")
  void scalesNegativesPerChannelAndBackwardMatchesFiniteDifferences() {
    Layer layer = LayerGradientCheck.layer("PReLU", "{\"shared_axes\":[1,2]}",
        new int[] {1, 2, 2});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      List<Tensor> alpha = List.of(s.fromDoubles(new double[] {0.1, 0.5}, 1, 1, 2));
      assertThat(LayerGradientCheck.forward(s, layer, alpha, new double[] {-1, 2, -3, 4},
          1, 1, 2, 2)).containsExactly(-0.1, 2, -0.30000000000000004, 4);
      Layer wide = LayerGradientCheck.layer("PReLU", "{\"shared_axes\":[2]}", new int[] {3, 2, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, wide,
          LayerGradientCheck.randomWeights(s, wide, 3), 9, new int[] {2, 3, 2, 2});
    }
  }
}
