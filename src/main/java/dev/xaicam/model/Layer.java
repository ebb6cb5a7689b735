package dev.xaicam.model;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * One layer of the network graph, working on whole batches: forward, and the vector-Jacobian
 * product w.r.t. its input for the backward pass, and the gradients w.r.t. its weights (for
 * training the demo model; CAMs never need them).
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

  /**
   * dL/dW for each weight in Keras order (kernel, then bias), given the forward input {@code x},
   * its output {@code y} and dL/dy; owned by {@code scope}. Empty for weightless layers.
   */
  default List<Tensor> weightGradients(TensorScope scope, Tensor x, Tensor y, Tensor dy) {
    return List.of();
  }
}
