package ai.djl.tensorflow.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One raw TensorFlow op, described by name, inputs and attributes, then run eagerly.
 *
 * <p>Lives in DJL's package because {@code TfOpExecutor} is package-private in every DJL release;
 * the executor is created, fed and closed only inside {@link #runOn(NDManager)} so no caller ever
 * touches that type. Only {@code dev.xaicam.engine} uses this class.
 */
public final class TfEagerOp {
  /** TensorFlow op type name, e.g. {@code Conv2D}. */
  private final String opName;
  /** Input setters (single arrays or lists), replayed in the op's declared order. */
  private final List<Consumer<TfOpExecutor>> inputs = new ArrayList<>();
  /** Attribute setters, replayed on the executor once it exists. */
  private final List<Consumer<TfOpExecutor>> attributes = new ArrayList<>();

  /** Starts describing the op; nothing native is allocated until {@link #runOn(NDManager)}. */
  private TfEagerOp(String opName) {
    this.opName = opName;
  }

  /** A description of the TensorFlow op called {@code opName}. */
  public static TfEagerOp named(String opName) {
    return new TfEagerOp(opName);
  }

  /** Appends the next input. */
  public TfEagerOp input(NDArray array) {
    inputs.add(e -> e.addInput(array));
    return this;
  }

  /** Appends the next input as one list-typed argument (ConcatV2's values). */
  public TfEagerOp inputList(NDArray... arrays) {
    NDArray[] copy = arrays.clone();
    inputs.add(e -> e.addInputList(copy));
    return this;
  }

  /** Sets a string attribute (padding, data_format). */
  public TfEagerOp attr(String key, String value) {
    attributes.add(e -> e.addParam(key, value));
    return this;
  }

  /** Sets a boolean attribute (transpose_a, keep_dims). */
  public TfEagerOp attr(String key, boolean value) {
    attributes.add(e -> e.addParam(key, value));
    return this;
  }

  /** Sets a list-of-ints attribute (strides, ksize). */
  public TfEagerOp attr(String key, long[] value) {
    long[] copy = value.clone();
    attributes.add(e -> e.addParam(key, copy));
    return this;
  }

  /** Sets an integer attribute (axis, N). */
  public TfEagerOp attr(String key, long value) {
    attributes.add(e -> e.addParam(key, value));
    return this;
  }

  /** Sets a type attribute (Cast's DstT). */
  public TfEagerOp attr(String key, DataType value) {
    attributes.add(e -> e.addParam(key, value));
    return this;
  }

  /** Sets a float attribute (alpha, epsilon). */
  public TfEagerOp attr(String key, float value) {
    attributes.add(e -> e.addParam(key, value));
    return this;
  }

  /**
   * Runs the op eagerly; its single output is owned by {@code manager}, which must be a TensorFlow
   * engine manager.
   */
  public NDArray runOn(NDManager manager) {
    if (!(manager instanceof TfNDManager tf)) {
      throw new IllegalArgumentException(
          "TensorFlow ops need a TensorFlow NDManager, got " + manager.getClass().getName());
    }
    try (TfOpExecutor executor = tf.opExecutor(opName)) {
      for (Consumer<TfOpExecutor> input : inputs) {
        input.accept(executor);
      }
      for (Consumer<TfOpExecutor> attribute : attributes) {
        attribute.accept(executor);
      }
      return executor.buildSingletonOrThrow();
    }
  }
}
