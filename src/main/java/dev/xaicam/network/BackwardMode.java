package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;

/**
 * How a backward pass treats rectifying units (ReLU, relu6, the ReLU layer): exactly, or as
 * guided backpropagation (Springenberg et al. 2015), where a rectifier passes back only positive
 * gradients, and only where its input is positive. Layers with a rectifier honour the mode;
 * every other layer's vector-Jacobian product is the same in both.
 */
public enum BackwardMode {
  /** The exact vector-Jacobian product. */
  PLAIN {
    @Override
    Tensor rectifierIncoming(TensorScope scope, Tensor dy) {
      return dy;
    }
  },
  /** Guided backpropagation: dL/dy is clipped at zero before each rectifier's own gradient. */
  GUIDED {
    @Override
    Tensor rectifierIncoming(TensorScope scope, Tensor dy) {
      return scope.relu(dy);
    }
  };

  /**
   * The gradient a rectifier's own backward pass receives, owned by {@code scope} (or {@code dy}
   * itself); the rectifier's gradient then zeroes it where the input is not positive.
   */
  abstract Tensor rectifierIncoming(TensorScope scope, Tensor dy);
}
