package dev.xaicam.model;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;

/**
 * One layer of the network graph, working on whole batches: forward, and the vector-Jacobian
 * product w.r.t. its input for the backward pass (no weight gradients: CAMs never need them).
 */
interface Layer {

  /** Keras layer name. */
  String name();

  /** What the layer does. */
  LayerKind kind();

  /** Per-image output shape for a per-image input shape (batch axis left out). */
  int[] outputShape(int[] inputShape);

  /** y = f(x) for a batch x; the result is owned by {@code scope}. */
  Tensor forward(TensorScope scope, Tensor x);

  /**
   * dx = (dy/dx)^T dy: given the forward input {@code x}, its output {@code y} and dL/dy, returns
   * dL/dx, owned by {@code scope}.
   */
  Tensor backward(TensorScope scope, Tensor x, Tensor y, Tensor dy);
}
