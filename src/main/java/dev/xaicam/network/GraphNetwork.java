package dev.xaicam.network;

import dev.xaicam.XaiCamException;
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
 */
public final class GraphNetwork implements AutoCloseable {
  /** The graph. */
  private final ModelGraph graph;
  /** Element type of every tensor. */
  private final Precision precision;
  /** Owner of the weight tensors and parent of every pass's scope. */
  private final TensorScope weightsScope;
  /** Runs the graph on those weights. */
  private final GraphExecutor executor;

  /** Wraps weights owned by {@code weightsScope}. */
  private GraphNetwork(ModelGraph graph, Precision precision, TensorScope weightsScope,
      GraphExecutor executor) {
    this.graph = graph;
    this.precision = precision;
    this.weightsScope = weightsScope;
    this.executor = executor;
  }

  /**
   * Checks that {@code weights} hold every layer's weights with the shapes its config implies,
   * then copies them into native memory once (mapped float32 weights are read in place instead).
   *
   * @throws XaiCamException (setup) naming the first layer whose weights do not fit
   */
  public static GraphNetwork create(ModelGraph graph, ModelWeights weights, TensorRuntime runtime,
      Precision precision) {
    WeightCheck.check(graph, weights);
    TensorScope scope = runtime.openScope();
    try {
      List<List<Tensor>> tensors = new ArrayList<>();
      for (int i = 0; i < graph.size(); i++) {
        List<Tensor> layer = new ArrayList<>();
        for (WeightArray array : weights.of(graph.node(i).name())) {
          layer.add(tensor(scope, precision, array));
        }
        tensors.add(layer);
      }
      return new GraphNetwork(graph, precision, scope, new GraphExecutor(graph, tensors));
    } catch (RuntimeException | Error e) {
      scope.close();
      throw e;
    }
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
    checkBatch(inputs, batch);
    checkTarget(target);
    TensorScope scope = weightsScope.child();
    try {
      Tensor[] trace = executor.forward(scope, input(scope, inputs, batch),
          executor.keptFor(target.index()));
      return new GraphPass(this, scope, batch, target, trace);
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

  /** Frees the weights and any pass still open. */
  @Override
  public void close() {
    weightsScope.close();
  }

  /** The executor, for passes and scorers. */
  GraphExecutor executor() {
    return executor;
  }

  /** Opens a scope for one unit of work, freed with the network at the latest. */
  TensorScope openWorkScope() {
    return weightsScope.child();
  }

  /** Logits of a batch, forward only, keeping nothing else; rows are images. */
  double[][] logits(TensorScope scope, Tensor x, int batch) {
    Tensor[] trace = executor.forward(scope, x, new boolean[graph.size()]);
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
