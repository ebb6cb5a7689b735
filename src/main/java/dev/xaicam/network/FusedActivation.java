package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.function.Supplier;

/**
 * The activation a layer applies to its own result (Keras's {@code activation} config key), as
 * the depthwise and separable convolutions use it. Only {@code linear} for now: the activation
 * registry that knows the others is wired in here when the graph network lands.
 */
interface FusedActivation {

  /** Identity, Keras's {@code linear} (and what a missing or null key means). */
  FusedActivation LINEAR = new FusedActivation() {
    @Override
    public String name() {
      return "linear";
    }

    @Override
    public Tensor apply(TensorScope scope, Tensor z) {
      return z;
    }

    @Override
    public Tensor gradient(TensorScope scope, Supplier<Tensor> z, Tensor y, Tensor dy) {
      return dy;
    }
  };

  /** Keras's name of the activation. */
  String name();

  /** The activation of the pre-activation {@code z}; may return {@code z} itself. */
  Tensor apply(TensorScope scope, Tensor z);

  /**
   * dL/dz given dL/dy and the activation's output y; {@code z} recomputes the pre-activation for
   * activations whose derivative needs it. May return {@code dy} itself.
   */
  Tensor gradient(TensorScope scope, Supplier<Tensor> z, Tensor y, Tensor dy);

  /** The activation named by the config's {@code activation} key ({@code linear} when absent). */
  static FusedActivation fromConfig(LayerConfig config) {
    String name = config.string("activation", "linear");
    if (!name.equals(LINEAR.name())) {
      throw config.error("fused activation '" + name + "' is not supported here; supported: "
          + LINEAR.name());
    }
    return LINEAR;
  }
}
