package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keras Maximum: the elementwise maximum of its inputs, broadcast as NumPy does, computed as
 * Keras does, {@code max(max(x0, x1), x2)...}. The gradient goes to the larger input; on a tie
 * it goes to the earlier input, as TensorFlow's gradient of {@code tf.maximum(a, b)} gives ties
 * to {@code a} ({@code a >= b}).
 */
final class MaximumLayer implements Layer {
  /** Per-image output shape. */
  private final int[] outputShape;

  /** Parses a Maximum node. */
  MaximumLayer(LayerConfig config, List<int[]> inputShapes) {
    this.outputShape = MergeShapes.broadcast(config, inputShapes, 1);
  }

  @Override
  public int[] outputShape() {
    return outputShape.clone();
  }

  @Override
  public List<WeightSpec> weights() {
    return List.of();
  }

  @Override
  public Tensor forward(TensorScope scope, List<Tensor> batch, List<Tensor> weights) {
    List<Tensor> inputs = MergeShapes.aligned(scope, batch);
    Tensor max = inputs.get(0);
    if (inputs.size() == 1) {
      return scope.reshape(max, max.shape());
    }
    for (int i = 1; i < inputs.size(); i++) {
      Tensor next = scope.maximum(max, inputs.get(i));
      if (i > 1) {
        scope.release(max);
      }
      max = next;
    }
    return max;
  }

  @Override
  public List<Tensor> backward(
      TensorScope scope, List<Tensor> inputs, Tensor output, Tensor dy, List<Tensor> weights) {
    int n = inputs.size();
    List<Tensor> aligned = MergeShapes.aligned(scope, inputs);
    List<Tensor> running = runningMaxima(scope, aligned, n - 1);
    Tensor[] grads = new Tensor[n];
    Tensor g = dy;
    for (int i = n - 1; i >= 1; i--) {
      Tensor earlier = running.get(i - 1);
      Tensor mask = scope.greaterEqual(earlier, aligned.get(i));
      Tensor toEarlier = scope.multiply(g, mask);
      Tensor toThis = scope.subtract(g, toEarlier);
      grads[i] = MergeShapes.reduceTo(scope, toThis, inputs.get(i).shape());
      Tensor next = MergeShapes.reduceTo(scope, toEarlier, earlier.shape());
      for (Tensor t : new Tensor[] {mask, toEarlier, toThis}) {
        scope.release(t);
      }
      if (g != dy) {
        scope.release(g);
      }
      if (i - 1 > 0) {
        scope.release(earlier);
      }
      g = next;
    }
    grads[0] = g == dy ? scope.reshape(dy, dy.shape()) : g;
    return Arrays.asList(grads);
  }

  /**
   * The first {@code count} running maxima {@code m0 = x0, m_i = max(m_{i-1}, x_i)}; m0 is the
   * input itself, the rest new tensors.
   */
  private static List<Tensor> runningMaxima(TensorScope scope, List<Tensor> inputs, int count) {
    List<Tensor> running = new ArrayList<>();
    running.add(inputs.get(0));
    for (int i = 1; i < count; i++) {
      running.add(scope.maximum(running.get(i - 1), inputs.get(i)));
    }
    return running;
  }
}
