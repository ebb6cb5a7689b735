package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Activation layer: every Keras activation name's values and its gradient by FD. */
@Tag("native")
class ActivationLayerTest {
  /** Every activation name the issue lists. */
  private static final List<String> NAMES = List.of("relu", "relu6", "sigmoid", "hard_sigmoid",
      "swish", "silu", "tanh", "elu", "selu", "gelu", "softplus", "softmax", "linear");
  /** The inputs of the value checks. */
  private static final double[] X = {-1.5, 0.5, 7};

  @Test
  void eachActivationComputesKerasFormula() {
    double s05 = 1 / (1 + Math.exp(-0.5));
    double selu = 1.0507009873554805;
    double seluAlpha = 1.6732632423543772;
    assertValues("relu", 0, 0.5, 7);
    assertValues("relu6", 0, 0.5, 6);
    assertValues("sigmoid", 1 / (1 + Math.exp(1.5)), s05, 1 / (1 + Math.exp(-7)));
    assertValues("swish", -1.5 / (1 + Math.exp(1.5)), 0.5 * s05, 7 / (1 + Math.exp(-7)));
    assertValues("silu", -1.5 / (1 + Math.exp(1.5)), 0.5 * s05, 7 / (1 + Math.exp(-7)));
    assertValues("tanh", Math.tanh(-1.5), Math.tanh(0.5), Math.tanh(7));
    assertValues("elu", Math.exp(-1.5) - 1, 0.5, 7);
    assertValues("selu", selu * seluAlpha * (Math.exp(-1.5) - 1), selu * 0.5, selu * 7);
    // x/2 (1 + erf(x / sqrt 2)) with erf(-1.0606602) = -0.8663855974622838,
    // erf(0.3535534) = 0.3829249225480262, erf(4.9497475) = 0.9999999999974404 (Python's
    // math.erf): the exact gelu, not the tanh approximation
    assertValues("gelu", -0.75 * (1 - 0.8663855974622838), 0.25 * (1 + 0.3829249225480262),
        3.5 * (1 + 0.9999999999974404));
    assertValues("softplus", Math.log1p(Math.exp(-1.5)), Math.log1p(Math.exp(0.5)),
        Math.log1p(Math.exp(7)));
    double z = Math.exp(-1.5) + Math.exp(0.5) + Math.exp(7);
    assertValues("softmax", Math.exp(-1.5) / z, Math.exp(0.5) / z, Math.exp(7) / z);
    assertValues("linear", X);
  }

  @Test
  void hardSigmoidFollowsTheKerasVersion() {
    // Keras 2: clip(0.2 x + 0.5); Keras 3: relu6(x + 3) / 6
    assertValues(GraphSpec.KERAS_2, "hard_sigmoid", 0.2, 0.6, 1);
    assertValues(GraphSpec.KERAS_3, "hard_sigmoid", 0.25, 0.5 / 6 + 0.5, 1);
  }

  @Test
  void backwardMatchesFiniteDifferencesForEveryName() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      for (int version : new int[] {GraphSpec.KERAS_2, GraphSpec.KERAS_3}) {
        for (String name : NAMES) {
          Layer layer = LayerGradientCheck.layer(version, "Activation",
              "{\"activation\":\"" + name + "\"}", new int[] {3, 4});
          LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 17,
              new int[] {2, 3, 4});
        }
      }
    }
  }

  @Test
  void linearOutputStripsTheActivation() {
    Layer softmax = LayerGradientCheck.layer("Activation", "{\"activation\":\"softmax\"}",
        new int[] {3});
    assertThat(softmax.outputActivation()).isEqualTo("softmax");
    Layer linear = softmax.withLinearOutput();
    assertThat(linear.outputActivation()).isEqualTo("linear");
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      assertThat(LayerGradientCheck.forward(s, linear, List.of(), X, 1, 3)).containsExactly(X);
    }
  }

  /** Checks a Keras 2 activation's outputs on {@link #X}. */
  private static void assertValues(String name, double... expected) {
    assertValues(GraphSpec.KERAS_2, name, expected);
  }

  /** Checks an activation's outputs on {@link #X} under Keras {@code version}. */
  private static void assertValues(int version, String name, double... expected) {
    Layer layer = LayerGradientCheck.layer(version, "Activation",
        "{\"activation\":\"" + name + "\"}", new int[] {3});
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      assertThat(LayerGradientCheck.forward(s, layer, List.of(), X, 1, 3)).as(name)
          .containsExactly(expected, within(1e-12));
    }
  }
}
