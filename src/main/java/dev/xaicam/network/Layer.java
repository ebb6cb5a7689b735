package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * One layer instance with its configuration parsed and its input shapes known: output shape,
 * expected weights, forward pass and vector-Jacobian products. Immutable and free of native
 * memory: the network owns the weight tensors and hands them to every call, in the order of
 * {@link #weights()}.
 *
 * <p>All tensors carry a leading batch axis; shapes reported here leave it out. Results belong to
 * the {@code scope} passed in.
 */
interface Layer {

  /** Per-image output shape, e.g. {@code (H, W, C)} or {@code (units)}. */
  int[] outputShape();

  /** The weights this layer expects, in Keras's order; empty for weightless layers. */
  List<WeightSpec> weights();

  /** y = f(inputs) for a batch. */
  Tensor forward(TensorScope scope, List<Tensor> inputs, List<Tensor> weights);

  /**
   * The vector-Jacobian product for each input: given the forward inputs, the forward output and
   * dL/dy, returns dL/dx_i for every input i, each shaped like that input.
   */
  List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights);

  /**
   * As {@link #backward(TensorScope, List, Tensor, Tensor, List)} in the given mode; layers with
   * a rectifier override this so guided backpropagation reaches them, all others ignore the mode.
   */
  default List<Tensor> backward(TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy,
      List<Tensor> weights, BackwardMode mode) {
    return backward(scope, inputs, output, dy, weights);
  }

  /**
   * Whether the default-target rule may pick this layer's map: false for pooling layers and
   * inference no-ops (Dropout and the like), whose map only repeats the layer below.
   */
  default boolean defaultTargetCandidate() {
    return true;
  }

  /**
   * The activation applied last ({@code softmax}, {@code sigmoid}, ... or {@code linear}), which
   * the network strips from its output layer so scores are logits.
   */
  default String outputActivation() {
    return "linear";
  }

  /** This layer with its last activation replaced by identity; itself when already linear. */
  default Layer withLinearOutput() {
    return this;
  }
}
