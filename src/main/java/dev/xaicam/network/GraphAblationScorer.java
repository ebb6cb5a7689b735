package dev.xaicam.network;

import dev.xaicam.cam.AblationScorer;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.Map;

/**
 * Ablation-CAM's {@link AblationScorer} over a {@link GraphNetwork}: copies of one image's
 * target-layer output, each with one channel zeroed, run through the nodes above the target only.
 * Tensors from below the target that those nodes read (skip connections) are the image's own,
 * repeated for every copy.
 */
final class GraphAblationScorer implements AblationScorer {
  /** The network. */
  private final GraphNetwork network;
  /** The executor of the pass the scorer comes from (folded or not). */
  private final GraphExecutor executor;
  /** The layer whose channels are zeroed. */
  private final TargetNode target;
  /** The nodes to run: those above the target on the way to the output. */
  private final boolean[] run;
  /** One image's values of every tensor the run reads but does not make, by node; the target's first. */
  private final Map<Integer, double[]> read;
  /** The class whose score comes back. */
  private final int targetClass;
  /** Channels the caller hands over per call. */
  private final int batchSize;
  /** Copies per forward call: the batch size, capped so node outputs stay within the budget. */
  private final int copiesPerPass;

  /** A scorer over already checked arguments; {@code read} holds the target's row. */
  GraphAblationScorer(GraphNetwork network, GraphExecutor executor, TargetNode target,
      boolean[] run, Map<Integer, double[]> read, int targetClass, int batchSize) {
    this.network = network;
    this.executor = executor;
    this.target = target;
    this.run = run;
    this.read = Map.copyOf(read);
    this.targetClass = targetClass;
    this.batchSize = batchSize;
    long largest = 0;
    for (int i = 0; i < run.length; i++) {
      if (run[i] || read.containsKey(i)) {
        largest = Math.max(largest, elements(network.graph().outputShape(i)));
      }
    }
    long perCopy = (long) network.precision().bytes() * largest;
    this.copiesPerPass = (int) Math.max(1,
        Math.min(batchSize, GraphMaskScorer.ACTIVATION_BUDGET_BYTES / perCopy));
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public double[] scores(int[] channels) {
    int c = target.channels();
    for (int channel : channels) {
      if (channel < 0 || channel >= c) {
        throw new IllegalArgumentException("channel must be in [0, " + c + "), got " + channel);
      }
    }
    double[] scores = new double[channels.length];
    for (int start = 0; start < channels.length; start += copiesPerPass) {
      int n = Math.min(copiesPerPass, channels.length - start);
      try (TensorScope scope = network.openWorkScope()) {
        Tensor[] given = new Tensor[run.length];
        for (Map.Entry<Integer, double[]> e : read.entrySet()) {
          given[e.getKey()] = copies(scope, e.getKey(), e.getValue(), n);
        }
        given[target.index()] = ablated(scope, channels, start, n);
        Tensor[] outputs = executor.forwardFrom(scope, given, run);
        int out = network.graph().outputIndex();
        double[][] logits = GraphNetwork.rows(outputs[out].toDoubles(), n);
        for (int j = 0; j < n; j++) {
          scores[start + j] = network.graph().head().scores(logits[j])[targetClass];
        }
      }
    }
    return scores;
  }

  /** {@code n} copies of node {@code node}'s row, as one batch tensor. */
  private Tensor copies(TensorScope scope, int node, double[] row, int n) {
    double[] values = new double[n * row.length];
    for (int j = 0; j < n; j++) {
      System.arraycopy(row, 0, values, j * row.length, row.length);
    }
    return network.tensor(scope, values, SpatialConfig.batched(n,
        network.graph().outputShape(node)));
  }

  /** The target's row once per channel {@code channels[start + j]}, that channel set to zero. */
  private Tensor ablated(TensorScope scope, int[] channels, int start, int n) {
    double[] a = read.get(target.index());
    int c = target.channels();
    double[] values = new double[n * a.length];
    for (int j = 0; j < n; j++) {
      System.arraycopy(a, 0, values, j * a.length, a.length);
      for (int p = channels[start + j]; p < a.length; p += c) {
        values[j * a.length + p] = 0;
      }
    }
    return network.tensor(scope, values, SpatialConfig.batched(n, target.shape()));
  }

  /** The product of the dimensions. */
  private static long elements(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
