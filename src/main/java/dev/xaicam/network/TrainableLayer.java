package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.List;

/**
 * A layer that can also give the gradient of the loss with respect to its weights, which
 * training needs (CAMs never do).
 */
interface TrainableLayer extends Layer {

  /**
   * dL/dW for every weight, in {@link #weights()} order, given the forward inputs, the forward
   * output and dL/dy; owned by {@code scope}.
   */
  List<Tensor> weightGradients(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights);
}
