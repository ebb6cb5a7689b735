package dev.xaicam.network;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link ModelGraph} on weight tensors: forward passes that keep only the node outputs
 * a later backward pass reads and free every other output once its last consumer has run, and
 * backward passes (vector-Jacobian products) that sum the gradients of a tensor feeding several
 * nodes. The output layer runs without its softmax/sigmoid, so its output is the logits.
 */
final class GraphExecutor {
  /** The graph. */
  private final ModelGraph graph;
  /** Per node, its weight tensors in {@link Layer#weights()} order. */
  private final List<List<Tensor>> weights;

  /** An executor over weights owned by a longer-lived scope. */
  GraphExecutor(ModelGraph graph, List<List<Tensor>> weights) {
    this.graph = graph;
    this.weights = List.copyOf(weights);
  }

  /**
   * Which node outputs a backward pass to {@code target} reads: the target's, and the inputs and
   * output of every node on the path from it to the output.
   */
  boolean[] keptFor(int target) {
    boolean[] path = graph.pathFrom(target);
    boolean[] keep = new boolean[graph.size()];
    keep[target] = true;
    keep[graph.outputIndex()] = true;
    for (int i = 0; i < graph.size(); i++) {
      if (path[i]) {
        keep[i] = true;
        for (int m : graph.inputsOf(i)) {
          keep[m] = true;
        }
      }
    }
    return keep;
  }

  /**
   * Runs the graph on {@code x} (owned by {@code scope}, like every result), returning each
   * node's output where {@code keep} says so and null elsewhere; the output node is always kept.
   * The input tensor itself is freed once consumed unless kept.
   */
  Tensor[] forward(TensorScope scope, Tensor x, boolean[] keep) {
    boolean[] run = new boolean[graph.size()];
    for (int i = 0; i < run.length; i++) {
      run[i] = graph.feedsOutput(i);
    }
    return run(scope, x, new Tensor[graph.size()], run, keep);
  }

  /**
   * Runs only the nodes {@code run} marks (in graph order), every other input they read coming
   * from {@code given} (owned by {@code scope}, freed once consumed); returns every output, the
   * output node's among them. Ablation-CAM runs the nodes above its target this way.
   *
   * @throws IllegalStateException when a node to run reads a tensor neither given nor run
   */
  Tensor[] forwardFrom(TensorScope scope, Tensor[] given, boolean[] run) {
    return run(scope, null, given.clone(), run, new boolean[graph.size()]);
  }

  /** The walk of {@link #forward} and {@link #forwardFrom}; node 0, if run, reads {@code x}. */
  private Tensor[] run(TensorScope scope, Tensor x, Tensor[] outputs, boolean[] run,
      boolean[] keep) {
    int n = graph.size();
    int[] pending = new int[n];
    for (int i = 0; i < n; i++) {
      for (int m : run[i] ? graph.inputsOf(i) : new int[0]) {
        pending[m]++;
      }
    }
    TensorRefs refs = new TensorRefs(scope);
    if (x != null) {
      refs.hold(x);
    }
    for (int m = 0; m < n; m++) {
      if (outputs[m] != null && pending[m] > 0) {
        refs.hold(outputs[m]);
      }
    }
    for (int i = 0; i < n; i++) {
      if (!run[i]) {
        continue;
      }
      int[] in = graph.inputsOf(i);
      List<Tensor> inputs = new ArrayList<>();
      for (int m : in) {
        if (outputs[m] == null) {
          throw new IllegalStateException(graph.node(i).name() + " reads "
              + graph.node(m).name() + ", which was neither given nor run");
        }
        inputs.add(outputs[m]);
      }
      outputs[i] = graph.scoringLayer(i).forward(scope, i == 0 ? List.of(x) : inputs,
          weights.get(i));
      refs.hold(outputs[i]);
      if (i == 0) {
        refs.drop(x);
      }
      for (int m : in) {
        if (--pending[m] == 0 && !keep[m] && m != graph.outputIndex()) {
          refs.drop(outputs[m]);
          outputs[m] = null;
        }
      }
    }
    return outputs;
  }

  /**
   * dS/d(target's output) for the seed dS/d(logits), through every node on the path in the given
   * mode; owned by {@code scope} (a child of the trace's scope).
   */
  Tensor backward(TensorScope scope, Tensor[] trace, int target, Tensor seed,
      BackwardMode mode) {
    boolean[] path = graph.pathFrom(target);
    boolean[] receives = path.clone();
    receives[target] = true;
    Tensor[] gradients = backward(scope, trace, target + 1, receives, seed, null, mode);
    if (gradients[target] == null) {
      throw new IllegalStateException("no gradient reached " + graph.node(target).name());
    }
    return gradients[target];
  }

  /**
   * Every trainable layer's weight gradients for the seed dL/d(logits), by node; needs a trace
   * that kept every node (a pass to the input).
   */
  List<List<Tensor>> weightGradients(TensorScope scope, Tensor[] trace, Tensor seed) {
    int n = graph.size();
    boolean[] receives = new boolean[n];
    boolean[] weighted = new boolean[n];
    for (int i = 0; i < n; i++) {
      weighted[i] = !graph.scoringLayer(i).weights().isEmpty();
      for (int m : graph.inputsOf(i)) {
        weighted[i] |= weighted[m];
      }
      receives[i] = weighted[i] && graph.feedsOutput(i);
    }
    List<List<Tensor>> byNode = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byNode.add(List.of());
    }
    backward(scope, trace, 0, receives, seed, byNode, BackwardMode.PLAIN);
    return byNode;
  }

  /**
   * The backward walk from the output down to node {@code lowest}: each node that has a gradient
   * passes one to every input that {@code receives} one, summing where several arrive; when
   * {@code weightGradients} is given, trainable layers also record theirs there.
   */
  private Tensor[] backward(TensorScope scope, Tensor[] trace, int lowest, boolean[] receives,
      Tensor seed, List<List<Tensor>> weightGradients, BackwardMode mode) {
    TensorRefs refs = new TensorRefs(scope);
    Tensor[] gradients = new Tensor[graph.size()];
    gradients[graph.outputIndex()] = seed;
    refs.hold(seed);
    for (int i = graph.outputIndex(); i >= lowest; i--) {
      Tensor dy = gradients[i];
      if (dy == null) {
        continue;
      }
      gradients[i] = null;
      Layer layer = graph.scoringLayer(i);
      int[] in = graph.inputsOf(i);
      List<Tensor> inputs = new ArrayList<>();
      for (int m : in) {
        inputs.add(trace[m]);
      }
      if (weightGradients != null && layer instanceof TrainableLayer trainable
          && !layer.weights().isEmpty()) {
        weightGradients.set(i, trainable.weightGradients(scope, inputs, trace[i], dy,
            weights.get(i)));
      }
      boolean passesOn = false;
      for (int m : in) {
        passesOn |= receives[m];
      }
      if (passesOn) {
        List<Tensor> dx = layer.backward(scope, inputs, trace[i], dy, weights.get(i), mode);
        dx.forEach(refs::hold);
        for (int k = 0; k < in.length; k++) {
          if (receives[in[k]]) {
            accumulate(scope, refs, gradients, in[k], dx.get(k));
          }
        }
        dx.forEach(refs::drop);
      }
      refs.drop(dy);
    }
    return gradients;
  }

  /** Adds {@code dx} to node {@code m}'s gradient (the first arrival is kept as is). */
  private static void accumulate(TensorScope scope, TensorRefs refs, Tensor[] gradients, int m,
      Tensor dx) {
    Tensor previous = gradients[m];
    if (previous == null) {
      gradients[m] = dx;
      refs.hold(dx);
      return;
    }
    Tensor sum = scope.add(previous, dx);
    refs.hold(sum);
    refs.drop(previous);
    gradients[m] = sum;
  }
}
