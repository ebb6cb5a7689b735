package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;

/**
 * One Keras activation function with its vector-Jacobian product, as {@link Activations} names
 * them; used fused in Conv2D/Dense and by the Activation layer.
 *
 * @param name Keras's name ({@code relu}, {@code gelu}, ...)
 * @param forward y = f(x), owned by the scope passed
 * @param backward dL/dx from x, y and dL/dy; x is {@code null} unless {@code needsInput}
 * @param needsInput whether the backward pass reads the pre-activation x (so a fused layer must
 *     recompute it); false when the output y suffices
 * @param rectifier whether it is a rectifier (relu, relu6), which guided backpropagation alters
 *     ({@link BackwardMode})
 */
record Activation(
    String name, Forward forward, Backward backward, boolean needsInput, boolean rectifier) {

  /** y = f(x). */
  @FunctionalInterface
  interface Forward {
    Tensor apply(TensorScope scope, Tensor x);
  }

  /** dL/dx of y = f(x). */
  @FunctionalInterface
  interface Backward {
    Tensor apply(TensorScope scope, Tensor x, Tensor y, Tensor dy);
  }

  /** Whether this is the identity. */
  boolean isLinear() {
    return name.equals(Activations.LINEAR);
  }

  /** y = f(x), owned by {@code scope}. */
  Tensor apply(TensorScope scope, Tensor x) {
    return forward.apply(scope, x);
  }

  /** dL/dx, owned by {@code scope}; {@code x} may be null when {@link #needsInput()} is false. */
  Tensor gradient(TensorScope scope, Tensor x, Tensor y, Tensor dy) {
    return backward.apply(scope, x, y, dy);
  }

  /** dL/dx in the given backward mode; only a rectifier's gradient depends on the mode. */
  Tensor gradient(TensorScope scope, Tensor x, Tensor y, Tensor dy, BackwardMode mode) {
    if (!rectifier) {
      return gradient(scope, x, y, dy);
    }
    try (TensorScope temp = scope.child()) {
      return backward.apply(scope, x, y, mode.rectifierIncoming(temp, dy));
    }
  }
}
