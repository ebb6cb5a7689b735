package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The inference no-ops: every registered name passes its input through and is no target. */
class InferenceIdentityLayerTest {
  /** Every class name registered as an inference no-op, with a config Keras writes for it. */
  private static final List<String[]> NO_OPS = List.of(
      new String[] {"Dropout", "{\"rate\": 0.5}"},
      new String[] {"SpatialDropout2D", "{\"rate\": 0.2}"},
      new String[] {"AlphaDropout", "{\"rate\": 0.1}"},
      new String[] {"GaussianNoise", "{\"stddev\": 0.1}"},
      new String[] {"GaussianDropout", "{\"rate\": 0.1}"},
      new String[] {"ActivityRegularization", "{\"l1\": 0.01, \"l2\": 0.0}"},
      new String[] {"RandomFlip", "{\"mode\": \"horizontal\"}"},
      new String[] {"RandomRotation", "{\"factor\": 0.1}"},
      new String[] {"RandomZoom", "{\"height_factor\": 0.2}"},
      new String[] {"RandomTranslation", "{\"height_factor\": 0.1, \"width_factor\": 0.1}"},
      new String[] {"RandomContrast", "{\"factor\": 0.2}"},
      new String[] {"RandomBrightness", "{\"factor\": 0.2}"});

  @Test
  void keepsTheShapeAndIsNeverTheDefaultTarget() {
    for (String[] noOp : NO_OPS) {
      Layer layer = LayerGradientCheck.layer(noOp[0], noOp[1], new int[] {5, 5, 3});
      assertThat(layer.outputShape()).as(noOp[0]).containsExactly(5, 5, 3);
      assertThat(layer.defaultTargetCandidate()).as(noOp[0]).isFalse();
      assertThat(layer.weights()).as(noOp[0]).isEmpty();
    }
    assertThatThrownBy(() -> LayerGradientCheck.layer("Dropout", "{}", new int[] {3},
        new int[] {3})).hasMessageContaining("exactly one input");
  }

  @Test
  @Tag("native")
  void passesValuesAndGradientsThrough() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      for (String[] noOp : NO_OPS) {
        Layer layer = LayerGradientCheck.layer(noOp[0], noOp[1], new int[] {2, 3});
        double[] x = {1, -2, 3, 4, 5, -6};
        assertThat(layer.forward(s, List.of(s.fromDoubles(x, 1, 2, 3)), List.of()).toDoubles())
            .as(noOp[0]).containsExactly(x);
        LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 191,
            new int[] {2, 2, 3});
      }
    }
  }
}
