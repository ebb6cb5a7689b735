package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** InputLayer: its shape from either Keras key, open sizes, and identity with its gradient. */
class InputLayerTest {

  @Test
  void shapeComesFromKeras2OrKeras3Key() {
    Layer keras2 = LayerGradientCheck.layer("InputLayer", "{\"batch_input_shape\":[null,4,5,3]}");
    Layer keras3 = LayerGradientCheck.layer("InputLayer", "{\"batch_shape\":[null,4,5,3]}");
    assertThat(keras2.outputShape()).containsExactly(4, 5, 3);
    assertThat(keras3.outputShape()).containsExactly(4, 5, 3);
    assertThat(keras2.weights()).isEmpty();
    assertThat(keras2.defaultTargetCandidate()).isFalse();
  }

  @Test
  void openSizesNeedAFedShapeThatFits() {
    String open = "{\"batch_input_shape\":[null,null,null,3]}";
    assertThatThrownBy(() -> LayerGradientCheck.layer("InputLayer", open))
        .isInstanceOf(XaiCamException.class)
        .hasMessage("layer 'layer' (InputLayer): leaves its input size open (None, None, 3); give"
            + " one with --input-size HxW");
    assertThat(LayerGradientCheck.layer("InputLayer", open, new int[] {8, 6, 3}).outputShape())
        .containsExactly(8, 6, 3);
    assertThatThrownBy(() -> LayerGradientCheck.layer("InputLayer", open, new int[] {8, 6, 1}))
        .isInstanceOf(XaiCamException.class)
        .hasMessageContaining("declares input (None, None, 3) but is fed (8, 6, 1)");
    assertThatThrownBy(() -> LayerGradientCheck.layer("InputLayer", "{}"))
        .isInstanceOf(XaiCamException.class)
        .hasMessageContaining("has neither batch_input_shape nor batch_shape");
  }

  @Test
  @Tag("native")
  void passesItsInputOnAndBackwardMatchesFiniteDifferences() {
    Layer layer = LayerGradientCheck.layer("InputLayer", "{\"batch_shape\":[null,2,2,1]}",
        new int[] {2, 2, 1});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      double[] x = {1, -2, 3, 4};
      assertThat(LayerGradientCheck.forward(s, layer, List.of(), x, 1, 2, 2, 1)).containsExactly(x);
      LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 3, new int[] {2, 2, 2, 1});
    }
  }
}
