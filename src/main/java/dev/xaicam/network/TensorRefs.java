package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Counts who still holds each tensor of one scope and frees a tensor the moment nobody does.
 * Counting by identity makes early freeing safe when layers hand a tensor on unchanged (identity
 * layers return their input, Add's gradient is dy for every input).
 */
final class TensorRefs {
  /** The scope owning every counted tensor. */
  private final TensorScope scope;
  /** Holders per tensor. */
  private final Map<Tensor, Integer> holders = new IdentityHashMap<>();

  /** Counts for tensors owned by {@code scope}. */
  TensorRefs(TensorScope scope) {
    this.scope = scope;
  }

  /** One more holder of {@code t}. */
  void hold(Tensor t) {
    holders.merge(t, 1, Integer::sum);
  }

  /** One holder fewer; frees {@code t} when none is left. */
  void drop(Tensor t) {
    Integer n = holders.get(t);
    if (n == null) {
      throw new IllegalStateException("dropped a tensor nobody holds: " + t);
    }
    if (n == 1) {
      holders.remove(t);
      scope.release(t);
    } else {
      holders.put(t, n - 1);
    }
  }
}
