package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shapes of Keras's elementwise merge layers (Subtract, Multiply, Average, Maximum): per-image
 * shapes broadcast as NumPy does, aligned at the last axis, so a (1, 1, C) gate scales an
 * (H, W, C) map; gradients are summed back over the broadcast axes.
 */
final class MergeShapes {

  /** Static helpers only. */
  private MergeShapes() {}

  /** The broadcast of every input shape, or a config error naming the first that conflicts. */
  static int[] broadcast(LayerConfig config, List<int[]> inputShapes, int minimumInputs) {
    if (inputShapes.size() < minimumInputs) {
      throw config.error("needs at least " + minimumInputs + " inputs, got " + inputShapes.size());
    }
    int[] out = inputShapes.get(0).clone();
    for (int[] shape : inputShapes.subList(1, inputShapes.size())) {
      int[] next = pair(out, shape);
      if (next == null) {
        throw config.error("cannot combine inputs of shapes " + LayerConfig.shapeText(out)
            + " and " + LayerConfig.shapeText(shape));
      }
      out = next;
    }
    return out;
  }

  /** The broadcast of two shapes, or null when they conflict. */
  static int[] pair(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 1; i <= rank; i++) {
      int da = i <= a.length ? a[a.length - i] : 1;
      int db = i <= b.length ? b[b.length - i] : 1;
      if (da != db && da != 1 && db != 1) {
        return null;
      }
      out[rank - i] = Math.max(da, db);
    }
    return out;
  }

  /**
   * The batched inputs with unit axes inserted after the batch axis until all have the same
   * rank, as Keras's merge layers do, so broadcasting aligns per-image shapes and never the batch
   * axis; inputs already of full rank are returned as they are.
   */
  static List<Tensor> aligned(TensorScope scope, List<Tensor> inputs) {
    int rank = 0;
    for (Tensor x : inputs) {
      rank = Math.max(rank, x.shape().length);
    }
    List<Tensor> out = new ArrayList<>();
    for (Tensor x : inputs) {
      int[] s = x.shape();
      if (s.length == rank) {
        out.add(x);
        continue;
      }
      int[] expanded = new int[rank];
      Arrays.fill(expanded, 1);
      expanded[0] = s[0];
      System.arraycopy(s, 1, expanded, rank - s.length + 1, s.length - 1);
      out.add(scope.reshape(x, expanded));
    }
    return out;
  }

  /**
   * {@code grad} (a batch of the broadcast shape) summed over the axes {@code batchShape} was
   * broadcast along, as a new tensor of {@code batchShape}.
   */
  static Tensor reduceTo(TensorScope scope, Tensor grad, int[] batchShape) {
    int[] g = grad.shape();
    int offset = g.length - batchShape.length;
    List<Integer> axes = new ArrayList<>();
    for (int axis = 1; axis < g.length; axis++) {
      int target = axis - offset >= 1 ? batchShape[axis - offset] : 1;
      if (target == 1 && g[axis] != 1) {
        axes.add(axis);
      }
    }
    if (axes.isEmpty()) {
      return scope.reshape(grad, batchShape);
    }
    Tensor summed = scope.reduceSum(grad, axes.stream().mapToInt(Integer::intValue).toArray());
    Tensor out = scope.reshape(summed, batchShape);
    scope.release(summed);
    return out;
  }
}
