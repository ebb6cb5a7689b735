package dev.xaicam.network;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.InputGradientFunction;
import dev.xaicam.cam.MaskScorer;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ModelGraph} with its weights in native memory: forward passes keeping what a backward
 * pass to a chosen target needs, class probabilities, Score-CAM's masked scoring and input
 * gradients. Scores and gradients are taken on the logits ({@link OutputHead}). Results of a
 * float64 network are float64; the float arrays other stages read are narrowed from them.
 *
 * <p>Long because weight upload (plain, mapped, folded) and the entry points of every pass
 * (forward, probabilities, scorers, input gradients) share the network's scopes and executors.
 */
public final class GraphNetwork implements AutoCloseable {
  /** The graph. */
  private final ModelGraph graph;
  /** Element type of every tensor. */
  private final Precision precision;
  /** Owner of the weight tensors and parent of every pass's scope. */
  private final TensorScope weightsScope;
  /** Runs the graph as described, on its own weights. */
  private final GraphExecutor executor;
  /** Runs the graph with BatchNormalization folded into convolutions; {@link #executor} if none. */
  private final GraphExecutor foldedExecutor;
  /** Per node, whether it is a convolution whose BN was folded (targets there run unfolded). */
  private final boolean[] foldedConvolutions;

  /** Wraps weights owned by {@code weightsScope}. */
  private GraphNetwork(ModelGraph graph, Precision precision, TensorScope weightsScope,
      GraphExecutor executor, GraphExecutor foldedExecutor, boolean[] foldedConvolutions) {
    this.graph = graph;
    this.precision = precision;
    this.weightsScope = weightsScope;
    this.executor = executor;
    this.foldedExecutor = foldedExecutor;
    this.foldedConvolutions = foldedConvolutions;
  }

  /**
   * Checks that {@code weights} hold every layer's weights with the shapes its config implies,
   * then copies them into native memory once (mapped float32 weights are read in place instead),
   * with BatchNormalization folded into the convolution before it where that is exact
   * ({@link BatchNormFolding}).
   *
   * @throws XaiCamException (setup) naming the first layer whose weights do not fit
   */
  public static GraphNetwork create(ModelGraph graph, ModelWeights weights, TensorRuntime runtime,
      Precision precision) {
    return create(graph, weights, runtime, precision, true);
  }

  /**
   * As {@link #create(ModelGraph, ModelWeights, TensorRuntime, Precision)}, folding only if
   * {@code foldBatchNorm}. Passes whose target is a folded convolution, or the input (saliency
   * and training, whose weight gradients are the unfolded layers'), run the graph unfolded on the
   * original weights, which the network keeps beside the folded ones.
   */
  public static GraphNetwork create(ModelGraph graph, ModelWeights weights, TensorRuntime runtime,
      Precision precision, boolean foldBatchNorm) {
    WeightCheck.check(graph, weights);
    BatchNormFolding.Folded folded = foldBatchNorm ? BatchNormFolding.fold(graph, weights) : null;
    TensorScope scope = runtime.openScope();
    try {
      List<List<Tensor>> tensors = new ArrayList<>();
      List<List<Tensor>> foldedTensors = new ArrayList<>();
      for (int i = 0; i < graph.size(); i++) {
        String name = graph.node(i).name();
        List<Tensor> layer = upload(scope, precision, weights.of(name));
        tensors.add(layer);
        boolean changed = folded != null && folded.replaced().containsKey(name);
        foldedTensors.add(changed ? uploadExact(scope, precision, folded.replaced().get(name))
            : layer);
      }
      GraphExecutor executor = new GraphExecutor(graph, tensors);
      return folded == null
          ? new GraphNetwork(graph, precision, scope, executor, executor, new boolean[graph.size()])
          : new GraphNetwork(graph, precision, scope, executor,
              new GraphExecutor(folded.graph(), foldedTensors), folded.foldedConvolutions());
    } catch (RuntimeException | Error e) {
      scope.close();
      throw e;
    }
  }

  /** One layer's arrays as tensors in {@code precision}. */
  private static List<Tensor> upload(TensorScope scope, Precision precision,
      List<WeightArray> arrays) {
    List<Tensor> layer = new ArrayList<>();
    for (WeightArray array : arrays) {
      // Tensors need a dimension; a scalar weight (Normalization's count) goes up as one element.
      layer.add(array.shape().length == 0 ? tensor(scope, precision, array.values(), 1)
          : tensor(scope, precision, array));
    }
    return layer;
  }

  /** Folded arrays as tensors in {@code precision}. */
  private static List<Tensor> uploadExact(TensorScope scope, Precision precision,
      List<BatchNormFolding.Exact> arrays) {
    List<Tensor> layer = new ArrayList<>();
    for (BatchNormFolding.Exact array : arrays) {
      layer.add(precision == Precision.FLOAT64 ? scope.fromDoubles(array.values(), array.shape())
          : scope.fromFloats(array.floats(), array.shape()));
    }
    return layer;
  }

  /** The graph this network runs. */
  public ModelGraph graph() {
    return graph;
  }

  /** The element type of its tensors. */
  public Precision precision() {
    return precision;
  }

  /**
   * Runs a batch forward, keeping what backward passes to {@code target} need.
   *
   * @param inputs {@code batch} preprocessed images, NHWC row-major
   * @param batch number of images, >= 1
   * @param target a target of this network's graph ({@link ModelGraph#target(String)}, or
   *     {@link ModelGraph#inputTarget()} for input gradients and training)
   * @return the pass; close it to free its native memory
   */
  public GraphPass forward(float[] inputs, int batch, TargetNode target) {
    return forward(inputs, batch, target, false);
  }

  /**
   * As {@link #forward(float[], int, TargetNode)}; with {@code toInput} the pass also keeps what
   * backward passes down to the input read ({@link GraphPass#inputGradients}), so one forward
   * pass serves layer and input gradients alike.
   */
  public GraphPass forward(float[] inputs, int batch, TargetNode target, boolean toInput) {
    checkBatch(inputs, batch);
    checkTarget(target);
    TensorScope scope = weightsScope.child();
    try {
      // Passes that reach the input run the unfolded graph, whose trace serves both targets.
      GraphExecutor runner = toInput ? executorFor(0) : executorFor(target.index());
      boolean[] keep = runner.keptFor(target.index());
      if (toInput) {
        boolean[] all = runner.keptFor(0);
        for (int i = 0; i < keep.length; i++) {
          keep[i] |= all[i];
        }
      }
      Tensor[] trace = runner.forward(scope, input(scope, inputs, batch), keep);
      return new GraphPass(this, runner, scope, batch, target, trace, toInput);
    } catch (RuntimeException | Error e) {
      scope.close();
      throw e;
    }
  }

  /** The model's class probabilities for a batch, forward only; rows are images. */
  public float[][] probabilities(float[] inputs, int batch) {
    return narrow(exactProbabilities(inputs, batch));
  }

  /** As {@link #probabilities}, in the network's precision. */
  public double[][] exactProbabilities(float[] inputs, int batch) {
    checkBatch(inputs, batch);
    try (TensorScope scope = weightsScope.child()) {
      double[][] logits = logits(scope, input(scope, inputs, batch), batch);
      double[][] p = new double[batch][];
      for (int b = 0; b < batch; b++) {
        p[b] = graph.head().probabilities(logits[b]);
      }
      return p;
    }
  }

  /**
   * Score-CAM's scorer for one preprocessed image: each mask multiplies the image (broadcast over
   * channels) and the target class's probability comes back per mask.
   *
   * @param image one preprocessed image, H*W*C floats
   * @param targetClass class whose probability is returned
   * @param batchSize masks per call, >= 1
   */
  public MaskScorer maskScorer(float[] image, int targetClass, int batchSize) {
    checkBatch(image, 1);
    graph.head().checkClass(targetClass);
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    return new GraphMaskScorer(this, image.clone(), targetClass, batchSize);
  }

  /**
   * dS/dx for each image's target class score S, with respect to its preprocessed input
   * (saliency); rows are images, H*W*C each.
   */
  public float[][] inputGradients(float[] inputs, int batch, int[] targetClasses) {
    try (GraphPass pass = forward(inputs, batch, graph.inputTarget())) {
      return narrow(pass.targetGradients(targetClasses));
    }
  }

  /**
   * SmoothGrad's input-gradient function for one preprocessed image: dS/dx of the target class's
   * score at each input handed over, one forward and one backward pass per call of at most
   * {@code batchSize} inputs (fewer when a node's outputs would pass the activation budget).
   *
   * @param image one preprocessed image, H*W*C floats (copied)
   * @param targetClass class whose score is differentiated
   * @param batchSize inputs per call, >= 1
   */
  public InputGradientFunction inputGradientFunction(float[] image, int targetClass,
      int batchSize) {
    checkBatch(image, 1);
    graph.head().checkClass(targetClass);
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    return new GraphInputGradients(this, image.clone(), targetClass, batchSize);
  }

  /** Frees the weights and any pass still open. */
  @Override
  public void close() {
    weightsScope.close();
  }

  /**
   * The executor for passes to node {@code target}: the folded one, unless the target is the
   * input or a folded convolution, whose output the folded graph does not compute.
   */
  GraphExecutor executorFor(int target) {
    return target == 0 || foldedConvolutions[target] ? executor : foldedExecutor;
  }

  /** Opens a scope for one unit of work, freed with the network at the latest. */
  TensorScope openWorkScope() {
    return weightsScope.child();
  }

  /** Logits of a batch, forward only, keeping nothing else; rows are images. */
  double[][] logits(TensorScope scope, Tensor x, int batch) {
    Tensor[] trace = foldedExecutor.forward(scope, x, new boolean[graph.size()]);
    return rows(trace[graph.outputIndex()].toDoubles(), batch);
  }

  /** A tensor of {@code values} in the network's precision. */
  Tensor tensor(TensorScope scope, float[] values, int... shape) {
    return tensor(scope, precision, values, shape);
  }

  /** A tensor of {@code values} in the network's precision. */
  Tensor tensor(TensorScope scope, double[] values, int... shape) {
    return precision == Precision.FLOAT64 ? scope.fromDoubles(values, shape)
        : scope.fromFloats(narrow(values), shape);
  }

  /** A batch of preprocessed images as an NHWC tensor. */
  Tensor input(TensorScope scope, float[] inputs, int batch) {
    return tensor(scope, inputs, SpatialConfig.batched(batch, graph.inputShape()));
  }

  /** Splits row-major values into {@code rows} equal rows. */
  static double[][] rows(double[] values, int rows) {
    int cols = values.length / rows;
    double[][] out = new double[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = java.util.Arrays.copyOfRange(values, r * cols, (r + 1) * cols);
    }
    return out;
  }

  /** The doubles as floats, row by row. */
  static float[][] narrow(double[][] rows) {
    float[][] out = new float[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      out[r] = narrow(rows[r]);
    }
    return out;
  }

  /** The doubles as floats. */
  static float[] narrow(double[] values) {
    float[] f = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }

  /** A weight tensor in {@code precision}: mapped float32 weights are read in place, not copied. */
  private static Tensor tensor(TensorScope scope, Precision precision, WeightArray array) {
    java.nio.ByteBuffer mapped = array.mappedBytes();
    if (mapped != null && precision == Precision.FLOAT32) {
      return scope.borrowFloats(mapped, array.shape());
    }
    return tensor(scope, precision, array.values(), array.shape());
  }

  /** A tensor of {@code values} in {@code precision}. */
  private static Tensor tensor(TensorScope scope, Precision precision, float[] values,
      int... shape) {
    if (precision == Precision.FLOAT32) {
      return scope.fromFloats(values, shape);
    }
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return scope.fromDoubles(d, shape);
  }

  /** Fails unless {@code target} is a target of this network's graph. */
  private void checkTarget(TargetNode target) {
    int i = target.index();
    if (i < 0 || i >= graph.size() || !graph.node(i).name().equals(target.name())
        || !java.util.Arrays.equals(graph.outputShape(i), target.shape())) {
      throw new IllegalArgumentException("target " + target + " is not a layer of "
          + graph.name());
    }
  }

  /** Fails unless {@code inputs} hold exactly {@code batch} images. */
  private void checkBatch(float[] inputs, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    long expected = (long) batch * graph.inputSize();
    if (inputs.length != expected) {
      int[] s = graph.inputShape();
      throw new IllegalArgumentException("inputs must hold " + batch + " x " + s[0] + "x" + s[1]
          + "x" + s[2] + " = " + expected + " floats, got " + inputs.length);
    }
  }
}
