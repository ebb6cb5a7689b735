package dev.xaicam.network;

import dev.xaicam.cam.AblationScorer;
import dev.xaicam.cam.InputGradients;
import dev.xaicam.cam.LayerSignal;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace of one batch's forward pass: the logits, the target's output and everything a
 * backward pass to it reads, so any number of backward passes can reuse it. Close it to free the
 * native memory. Values come in the network's precision ({@code exact...}, {@code double}) and
 * as the CAM stage's {@link LayerSignal} (a float32 network's values widened exactly).
 */
public final class GraphPass implements AutoCloseable {
  /** The network that ran the pass. */
  private final GraphNetwork network;
  /** Owner of the trace. */
  private final TensorScope scope;
  /** Images in the batch. */
  private final int batch;
  /** The target the trace serves. */
  private final TargetNode target;
  /** Node outputs kept for backward passes, null where freed. */
  private final Tensor[] trace;
  /** The executor that made the trace (folded or not), which every backward pass must use. */
  private final GraphExecutor executor;
  /** Whether the trace also serves backward passes down to the input. */
  private final boolean reachesInput;
  /** Logits read back, rows are images. */
  private final double[][] logits;
  /** The target's output read back on first use, rows are images. */
  private double[][] activations;

  /** Takes ownership of {@code scope}, which holds {@code trace}. */
  GraphPass(GraphNetwork network, GraphExecutor executor, TensorScope scope, int batch,
      TargetNode target, Tensor[] trace, boolean reachesInput) {
    this.network = network;
    this.executor = executor;
    this.scope = scope;
    this.batch = batch;
    this.target = target;
    this.trace = trace;
    this.reachesInput = reachesInput || target.index() == 0;
    this.logits = GraphNetwork.rows(trace[network.graph().outputIndex()].toDoubles(), batch);
  }

  /** Images in the batch. */
  public int batch() {
    return batch;
  }

  /** The target this pass can explain. */
  public TargetNode target() {
    return target;
  }

  /** The output layer's values without its softmax/sigmoid, one row per image (a copy). */
  public double[][] logits() {
    return copy(logits);
  }

  /** Class scores (what gradients are taken of), one row per image. */
  public double[][] scores() {
    double[][] out = new double[batch][];
    for (int b = 0; b < batch; b++) {
      out[b] = head().scores(logits[b]);
    }
    return out;
  }

  /** The model's class probabilities, one row per image. */
  public float[][] probabilities() {
    return GraphNetwork.narrow(exactProbabilities());
  }

  /** As {@link #probabilities()}, in the network's precision. */
  public double[][] exactProbabilities() {
    double[][] out = new double[batch][];
    for (int b = 0; b < batch; b++) {
      out[b] = head().probabilities(logits[b]);
    }
    return out;
  }

  /**
   * One backward pass for the whole batch from each image's target class score down to the
   * target's output.
   *
   * @param targetClassPerImage the class explained for each image, length {@link #batch()}
   * @return per image: A, dS/dA, target class and its score S
   */
  public List<LayerSignal> signals(int[] targetClassPerImage) {
    double[][] gradients = targetGradients(targetClassPerImage);
    double[][] a = targetActivations();
    List<LayerSignal> signals = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      int t = targetClassPerImage[b];
      signals.add(new LayerSignal(target.height(), target.width(), target.channels(),
          a[b], gradients[b], t,
          head().scores(logits[b])[t]));
    }
    return signals;
  }

  /** The target's output for one image, without gradients (Score-CAM needs none). */
  public LayerSignal activations(int image, int targetClass) {
    checkImage(image);
    head().checkClass(targetClass);
    return new LayerSignal(target.height(), target.width(), target.channels(),
        targetActivations()[image], (double[]) null, targetClass,
        head().scores(logits[image])[targetClass]);
  }

  /** The target's output A, one row of H*W*C per image, in the network's precision. */
  public synchronized double[][] targetActivations() {
    if (activations == null) {
      activations = GraphNetwork.rows(trace[target.index()].toDoubles(), batch);
    }
    return copy(activations);
  }

  /**
   * dS/dA at the target for each image's class score S, one row of H*W*C per image, in the
   * network's precision.
   */
  public double[][] targetGradients(int[] targetClassPerImage) {
    return gradientsAt(target.index(), targetClassPerImage, BackwardMode.PLAIN);
  }

  /**
   * dS/dx at the network input (the preprocessed image) for each image's class score S, in the
   * given mode ({@link BackwardMode#GUIDED} for guided backpropagation); needs a pass made with
   * {@link GraphNetwork#forward(float[], int, TargetNode, boolean)} reaching the input.
   *
   * @return per image, H*W*C values narrowed to float
   */
  public List<InputGradients> inputGradients(int[] targetClassPerImage, BackwardMode mode) {
    if (!reachesInput) {
      throw new IllegalStateException("this pass keeps only what a backward pass to "
          + target.name() + " reads, not the input");
    }
    int[] shape = network.graph().inputShape();
    List<InputGradients> out = new ArrayList<>(batch);
    for (double[] row : gradientsAt(0, targetClassPerImage, mode)) {
      out.add(new InputGradients(shape[0], shape[1], shape[2], GraphNetwork.narrow(row)));
    }
    return out;
  }

  /**
   * Ablation-CAM's scorer for one image of the batch: the target's output with channels zeroed
   * runs through the nodes above the target only, any tensor from below the target that they
   * read (a skip connection) taken from this pass. The scorer copies what it reads, so it
   * outlives the pass.
   *
   * @param image the image's row in the batch
   * @param targetClass the class whose score comes back
   * @param batchSize channels per call, >= 1
   */
  public AblationScorer ablationScorer(int image, int targetClass, int batchSize) {
    checkImage(image);
    head().checkClass(targetClass);
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    ModelGraph graph = network.graph();
    boolean[] run = graph.pathFrom(target.index());
    Map<Integer, double[]> read = new LinkedHashMap<>();
    read.put(target.index(), targetActivations()[image]);
    for (int i = 0; i < graph.size(); i++) {
      for (int m : run[i] ? graph.inputsOf(i) : new int[0]) {
        if (!run[m] && !read.containsKey(m)) {
          read.put(m, GraphNetwork.rows(trace[m].toDoubles(), batch)[image]);
        }
      }
    }
    return new GraphAblationScorer(network, executor, target, run, read, targetClass, batchSize);
  }

  /** dS/d(node's output) for each image's class, in {@code mode}, in the network's precision. */
  private double[][] gradientsAt(int node, int[] targetClassPerImage, BackwardMode mode) {
    checkClasses(targetClassPerImage);
    try (TensorScope back = scope.child()) {
      Tensor dy = executor.backward(back, trace, node,
          network.tensor(back, seedValues(targetClassPerImage), batch, head().units()), mode);
      return GraphNetwork.rows(dy.toDoubles(), batch);
    }
  }

  /**
   * dL/dW for every layer with weights, given dL/d(logits) per image: what training needs. The
   * pass must target the input ({@link ModelGraph#inputTarget()}), which keeps every output.
   *
   * @return gradients by layer name, shaped like the weights, in graph order
   */
  public ModelWeights weightGradients(double[][] logitGradients) {
    if (target.index() != 0) {
      throw new IllegalStateException("weight gradients need a pass to the input, not to "
          + target.name());
    }
    ModelGraph graph = network.graph();
    double[] flat = new double[batch * head().units()];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(logitGradients[b], 0, flat, b * head().units(), head().units());
    }
    try (TensorScope back = scope.child()) {
      List<List<Tensor>> byNode = executor.weightGradients(back, trace,
          network.tensor(back, flat, batch, head().units()));
      Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
      for (int i = 0; i < graph.size(); i++) {
        List<WeightSpec> specs = graph.layer(i).weights();
        if (!specs.isEmpty() && byNode.get(i).isEmpty()) {
          throw new IllegalStateException("layer '" + graph.node(i).name() + "' ("
              + graph.node(i).className() + ") has weights but no weight gradients");
        }
        List<WeightArray> arrays = new ArrayList<>();
        for (Tensor g : byNode.get(i)) {
          arrays.add(new WeightArray(g.shape(), g.toFloats()));
        }
        byLayer.put(graph.node(i).name(), arrays);
      }
      return new ModelWeights(byLayer);
    }
  }

  /** Frees the trace. */
  @Override
  public void close() {
    scope.close();
  }

  /** The network's output head. */
  private OutputHead head() {
    return network.graph().head();
  }

  /** Fails unless {@code image} is a row of the batch. */
  private void checkImage(int image) {
    if (image < 0 || image >= batch) {
      throw new IllegalArgumentException("image must be in [0, " + batch + "), got " + image);
    }
  }

  /** Fails unless there is one valid target class per image. */
  private void checkClasses(int[] targetClassPerImage) {
    if (targetClassPerImage.length != batch) {
      throw new IllegalArgumentException("need one target class per image: " + batch
          + " images, got " + targetClassPerImage.length + " classes");
    }
    for (int t : targetClassPerImage) {
      head().checkClass(t);
    }
  }

  /** dS/d(logits) rows, one per image, flattened. */
  private double[] seedValues(int[] targetClassPerImage) {
    int units = head().units();
    double[] seed = new double[batch * units];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(head().seed(targetClassPerImage[b]), 0, seed, b * units, units);
    }
    return seed;
  }

  /** A deep copy, so callers cannot alter the cached rows. */
  private static double[][] copy(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
    }
    return out;
  }
}
