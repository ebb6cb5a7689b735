package dev.xaicam.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The activation registry: Keras's activation names to their functions and gradients. Keras
 * serialises built-in activations as their name (Keras 2 and 3 alike), so a config's
 * {@code activation} value is one of these names; anything else is a custom function and refused.
 *
 * <p>{@code gelu} by name is Keras's default {@code approximate=False}: x/2 (1 + erf(x/sqrt 2)).
 * {@code hard_sigmoid} differs by Keras version: Keras 2 clips 0.2x + 0.5, Keras 3 computes
 * relu6(x + 3)/6 = clip(x/6 + 0.5); the graph's Keras major version selects the slope.
 */
final class Activations {
  /** The identity's name. */
  static final String LINEAR = "linear";
  /** 1/sqrt(2 pi), the standard normal density's factor. */
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  /** Name to the activation, given the Keras major version. */
  private static final Map<String, IntFunction<Activation>> BY_NAME = new TreeMap<>();

  static {
    register(LINEAR, (s, x) -> x, (s, x, y, dy) -> dy, false);
    rectifier("relu", TensorScope::relu, (s, x, y, dy) -> s.reluGrad(dy, y));
    rectifier("relu6", TensorScope::relu6, (s, x, y, dy) -> s.relu6Grad(dy, y));
    register("sigmoid", TensorScope::sigmoid, (s, x, y, dy) -> s.sigmoidGrad(dy, y), false);
    register("tanh", TensorScope::tanh, (s, x, y, dy) -> s.tanhGrad(dy, y), false);
    register("elu", TensorScope::elu, (s, x, y, dy) -> s.eluGrad(dy, y), false);
    register("selu", TensorScope::selu, (s, x, y, dy) -> s.seluGrad(dy, y), false);
    register("softplus", TensorScope::softplus, (s, x, y, dy) -> s.softplusGrad(dy, x), true);
    register("softmax", TensorScope::softmax, Activations::softmaxGradient, false);
    register("swish", Activations::swish, Activations::swishGradient, true);
    register("silu", Activations::swish, Activations::swishGradient, true);
    register("gelu", Activations::gelu, Activations::geluGradient, true);
    BY_NAME.put("hard_sigmoid", kerasMajor -> hardSigmoid(kerasMajor >= 3 ? 1.0 / 6 : 0.2));
  }

  /** Static registry only. */
  private Activations() {}

  /** Adds one version-independent activation. */
  private static void register(String name, Activation.Forward forward, Activation.Backward backward,
      boolean needsInput) {
    Activation activation = new Activation(name, forward, backward, needsInput, false);
    BY_NAME.put(name, kerasMajor -> activation);
  }

  /** Adds one rectifier, whose backward pass reads only its output. */
  private static void rectifier(String name, Activation.Forward forward,
      Activation.Backward backward) {
    Activation activation = new Activation(name, forward, backward, false, true);
    BY_NAME.put(name, kerasMajor -> activation);
  }

  /**
   * The activation a config names under {@code key} ({@code linear} when absent or null).
   *
   * @throws dev.xaicam.XaiCamException (setup) naming the layer and the unknown activation
   */
  static Activation parse(LayerConfig config, String key) {
    JsonNode value = config.raw(key);
    if (value == null || value.isNull()) {
      return named(LINEAR, config.kerasMajorVersion());
    }
    if (!value.isTextual()) {
      throw config.error("activation " + value + " is a custom function, which xai-cam cannot run;"
          + " supported activations: " + String.join(", ", BY_NAME.keySet()));
    }
    IntFunction<Activation> factory = BY_NAME.get(value.asText());
    if (factory == null) {
      throw config.error("unknown activation '" + value.asText() + "'; supported activations: "
          + String.join(", ", BY_NAME.keySet()));
    }
    return factory.apply(config.kerasMajorVersion());
  }

  /** The activation called {@code name} under Keras {@code kerasMajor}; it must exist. */
  static Activation named(String name, int kerasMajor) {
    IntFunction<Activation> factory = BY_NAME.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("no activation named " + name);
    }
    return factory.apply(kerasMajor);
  }

  /** softmax VJP: dx = y * (dy - sum(dy * y)) along the last axis. */
  private static Tensor softmaxGradient(TensorScope scope, Tensor x, Tensor y, Tensor dy) {
    try (TensorScope temp = scope.child()) {
      return scope.multiply(y, temp.subtract(dy, temp.sumLastAxis(temp.multiply(dy, y))));
    }
  }

  /** x * sigmoid(x). */
  private static Tensor swish(TensorScope scope, Tensor x) {
    try (TensorScope temp = scope.child()) {
      return scope.multiply(x, temp.sigmoid(x));
    }
  }

  /** d/dx x s(x) = s + x s (1 - s) = s + (y - y s) where y = x s. */
  private static Tensor swishGradient(TensorScope scope, Tensor x, Tensor y, Tensor dy) {
    try (TensorScope temp = scope.child()) {
      Tensor s = temp.sigmoid(x);
      Tensor slope = temp.add(s, temp.subtract(y, temp.multiply(y, s)));
      return scope.multiply(dy, slope);
    }
  }

  /** x/2 (1 + erf(x / sqrt 2)), Keras's exact gelu. */
  private static Tensor gelu(TensorScope scope, Tensor x) {
    try (TensorScope temp = scope.child()) {
      Tensor cdf = temp.addScalar(temp.erf(temp.scale(x, Math.sqrt(0.5))), 1);
      return scope.multiply(temp.scale(x, 0.5), cdf);
    }
  }

  /** d/dx x Phi(x) = Phi(x) + x phi(x), with Phi = (1 + erf(x/sqrt 2))/2, phi the normal density. */
  private static Tensor geluGradient(TensorScope scope, Tensor x, Tensor y, Tensor dy) {
    try (TensorScope temp = scope.child()) {
      Tensor cdf = temp.scale(temp.addScalar(temp.erf(temp.scale(x, Math.sqrt(0.5))), 1), 0.5);
      Tensor density = temp.scale(temp.exp(temp.scale(temp.multiply(x, x), -0.5)), INV_SQRT_2PI);
      return scope.multiply(dy, temp.add(cdf, temp.multiply(x, density)));
    }
  }

  /** clip(slope x + 0.5, 0, 1), with gradient {@code slope} where 0 < y < 1. */
  private static Activation hardSigmoid(double slope) {
    return new Activation("hard_sigmoid",
        (s, x) -> {
          try (TensorScope temp = s.child()) {
            return s.clip(temp.addScalar(temp.scale(x, slope), 0.5), 0, 1);
          }
        },
        (s, x, y, dy) -> {
          try (TensorScope temp = s.child()) {
            // inside (0, 1) exactly when y > 0 and 1 - y > 0
            Tensor inside = temp.multiply(temp.greater(y, 0), temp.greater(temp.scale(y, -1), -1));
            return s.multiply(temp.scale(dy, slope), inside);
          }
        },
        false, false);
  }
}
