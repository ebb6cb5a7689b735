package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.XaiCamException;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Softmax layer: last axis only, stripped to identity for scores, gradients by FD. */
class SoftmaxLayerTest {

  @Test
  void acceptsOnlyTheLastAxis() {
    assertThat(LayerGradientCheck.layer("Softmax", "{\"axis\":-1}", new int[] {4, 5, 3})
        .outputShape()).containsExactly(4, 5, 3);
    assertThat(LayerGradientCheck.layer("Softmax", "{\"axis\":[3]}", new int[] {4, 5, 3})
        .outputActivation()).isEqualTo("softmax");
    assertThatThrownBy(() -> LayerGradientCheck.layer("Softmax", "{\"axis\":1}",
        new int[] {4, 5, 3})).isInstanceOf(XaiCamException.class)
        .hasMessageContaining("softmax over axis 1 is not supported");
  }

  @Test
  @Tag("native")
  void normalisesAndBackwardMatchesFiniteDifferences() {
    Layer layer = LayerGradientCheck.layer("Softmax", "{}", new int[] {2});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      double[] x = {0, Math.log(3)};
      assertThat(LayerGradientCheck.forward(s, layer, List.of(), x, 1, 2))
          .containsExactly(new double[] {0.25, 0.75}, within(1e-15));
      assertThat(LayerGradientCheck.forward(s, layer.withLinearOutput(), List.of(), x, 1, 2))
          .containsExactly(x);
      Layer map = LayerGradientCheck.layer("Softmax", "{}", new int[] {3, 4});
      LayerGradientCheck.assertBackwardMatchesForward(s, map, List.of(), 2, new int[] {2, 3, 4});
    }
  }
}
