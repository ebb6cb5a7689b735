package dev.xaicam.model;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.MaskScorer;
import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorEngine;
import dev.xaicam.engine.TensorScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sequential network with its weights loaded into native memory: forward passes, and backward
 * passes from a class logit down to a chosen layer's output.
 *
 * <p>The top layer runs without its softmax, so every score and gradient is taken on the logits
 * (tf-keras-vis's ReplaceToLinear); probabilities are the softmax of those logits. The weights
 * live in one native scope that {@link #close()} frees.
 */
public final class Network implements AutoCloseable {
  /** Shape and names of the layers. */
  private final Architecture architecture;
  /** Owner of the weight tensors, and parent of every pass's scope. */
  private final TensorScope weightsScope;
  /** Layers in order; the last one is linear, producing logits. */
  private final List<Layer> layers;
  /** Whether tensors are float64 (finite-difference tests) rather than float32. */
  private final boolean float64;

  /** Wraps layers built over tensors owned by {@code weightsScope}. */
  private Network(Architecture architecture, TensorScope weightsScope, List<Layer> layers,
      boolean float64) {
    this.architecture = architecture;
    this.weightsScope = weightsScope;
    this.layers = List.copyOf(layers);
    this.float64 = float64;
  }

  /**
   * Sets how many threads TensorFlow uses inside each operation (and up to two for running
   * independent operations side by side); call before the first network is created.
   */
  public static void useThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    TensorEngine.configureThreads(Math.min(2, threads), threads);
  }

  /**
   * Loads the native tensor engine now rather than at the first network, so a caller can time it
   * (or fail early); later calls do nothing.
   */
  public static void loadEngine() {
    TensorEngine.openScope().close();
  }

  /** Threads TensorFlow uses inside one operation; 0 when left to TensorFlow (all cores). */
  public static int intraOpThreads() {
    return TensorEngine.intraOpThreads();
  }

  /** Threads TensorFlow uses to run independent operations; 0 when left to TensorFlow. */
  public static int interOpThreads() {
    return TensorEngine.interOpThreads();
  }

  /** Native tensors alive in all open networks and passes; flat across a loop that closes them. */
  public static int liveTensorCount() {
    return TensorEngine.liveTensorCount();
  }

  /** Native tensor scopes open in all networks and passes; flat across a loop that closes them. */
  public static int openScopeCount() {
    return TensorEngine.openScopeCount();
  }

  /**
   * Checks that {@code weights} hold every layer's arrays with the shapes the architecture
   * expects, then copies them into native memory.
   *
   * @throws XaiCamException (setup) naming the first layer whose weights are missing or misshapen
   */
  public static Network create(Architecture architecture, ModelWeights weights) {
    return create(architecture, weights, false);
  }

  /**
   * As {@link #create(Architecture, ModelWeights)}, computing in float64 when {@code float64} is
   * true: 2-4x slower, but its maps are free of float32 round-off, which some maps (deep target
   * layers, Grad-CAM++) amplify to 1e-3..1e-2 after normalisation.
   */
  public static Network create(Architecture architecture, ModelWeights weights, boolean float64) {
    checkWeights(architecture, weights);
    TensorScope scope = TensorEngine.openScope();
    try {
      List<Layer> layers = new ArrayList<>();
      List<LayerSpec> specs = architecture.specs();
      for (int i = 0; i < specs.size(); i++) {
        LayerSpec spec = specs.get(i);
        List<WeightArray> arrays = weights.of(spec.name());
        Layer layer = switch (spec.kind()) {
          case CONV -> new Conv2DLayer(spec.name(), tensor(scope, arrays.get(0), float64),
              tensor(scope, arrays.get(1), float64), spec.activation());
          case DENSE -> new DenseLayer(spec.name(), tensor(scope, arrays.get(0), float64),
              tensor(scope, arrays.get(1), float64), spec.activation());
          case POOL -> new MaxPool2DLayer(spec.name());
          case FLATTEN -> new FlattenLayer(spec.name());
        };
        if (i == specs.size() - 1) {
          layer = ((DenseLayer) layer).linear();
        }
        layers.add(layer);
      }
      return new Network(architecture, scope, layers, float64);
    } catch (RuntimeException | Error e) {
      scope.close();
      throw e;
    }
  }

  /** Fails on the first layer whose weights do not match the architecture. */
  private static void checkWeights(Architecture architecture, ModelWeights weights) {
    String model = architecture.name();
    List<LayerSpec> specs = architecture.specs();
    for (int i = 0; i < specs.size(); i++) {
      String name = specs.get(i).name();
      List<int[]> expected = architecture.weightShapes(i);
      if (expected.isEmpty()) {
        int n = weights.of(name).size();
        if (n != 0) {
          throw XaiCamException.setup("weights: layer '" + name + "' has " + n
              + " arrays but " + model + " expects none");
        }
        continue;
      }
      if (!weights.has(name)) {
        throw XaiCamException.setup("weights: layer '" + name + "' is missing; the file does not"
            + " hold " + model + " weights");
      }
      List<WeightArray> arrays = weights.of(name);
      if (arrays.size() != expected.size()) {
        throw XaiCamException.setup("weights: layer '" + name + "' has " + arrays.size()
            + " arrays but " + model + " expects " + expected.size() + " (kernel, bias)");
      }
      String[] roles = {"kernel", "bias"};
      for (int w = 0; w < expected.size(); w++) {
        if (!Arrays.equals(arrays.get(w).shape(), expected.get(w))) {
          throw XaiCamException.setup("weights: layer '" + name + "' " + roles[w] + " has shape "
              + arrays.get(w).shapeText() + " but " + model + " expects "
              + shapeText(expected.get(w)));
        }
      }
    }
  }

  /** A shape as Keras prints it: {@code (25088, 4096)}, {@code (64,)}. */
  static String shapeText(int[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }

  /** One weight array as a native tensor in the network's precision. */
  private static Tensor tensor(TensorScope scope, WeightArray array, boolean float64) {
    return float64 ? scope.fromDoubles(widen(array.values()), array.shape())
        : scope.fromFloats(array.values(), array.shape());
  }

  /** The floats as doubles. */
  private static double[] widen(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }

  /** Every layer after the input, in order. */
  public List<LayerInfo> layers() {
    return architecture.layers();
  }

  /** The architecture this network was built from. */
  public Architecture architecture() {
    return architecture;
  }

  /**
   * Runs a batch forward, keeping what a backward pass to layer {@code targetLayerIndex} needs.
   *
   * @param inputs {@code batch} preprocessed images, NHWC row-major
   * @param batch number of images, >= 1
   * @param targetLayerIndex index in {@link #layers()} of a conv or pooling layer
   * @return the trace; close it to free its native memory
   */
  public ForwardPass forward(float[] inputs, int batch, int targetLayerIndex) {
    checkBatch(inputs, batch);
    if (targetLayerIndex < 0 || targetLayerIndex >= layers.size()) {
      throw new IllegalArgumentException("target layer index must be in [0, " + layers.size()
          + "), got " + targetLayerIndex);
    }
    LayerInfo target = layers().get(targetLayerIndex);
    if (!target.isSpatial()) {
      throw XaiCamException.usage("layer '" + target.name() + "' has no H x W x C feature map;"
          + " choose a convolution or pooling layer such as '"
          + architecture.lastConvLayer().name() + "'");
    }
    TensorScope scope = weightsScope.child();
    try {
      Tensor[] outputs = new Tensor[layers.size() - targetLayerIndex];
      try (TensorScope lower = scope.child()) {
        Tensor below = runLayers(lower, input(lower, inputs, batch), 0, targetLayerIndex);
        outputs[0] = layers.get(targetLayerIndex).forward(scope, below);
      }
      for (int i = targetLayerIndex + 1; i < layers.size(); i++) {
        outputs[i - targetLayerIndex] = layers.get(i).forward(scope, outputs[i - targetLayerIndex - 1]);
      }
      return new ForwardPass(this, scope, batch, targetLayerIndex, outputs);
    } catch (RuntimeException | Error e) {
      scope.close();
      throw e;
    }
  }

  /** Softmax probabilities of a batch, forward only; rows are images. */
  public float[][] probabilities(float[] inputs, int batch) {
    checkBatch(inputs, batch);
    try (TensorScope scope = weightsScope.child()) {
      Tensor logits = runLayers(scope, input(scope, inputs, batch), 0, layers.size());
      return rows(scope.softmax(logits).toFloats(), batch, architecture.classCount());
    }
  }

  /**
   * Score-CAM's scorer for one preprocessed image: each mask multiplies the image (broadcast over
   * channels) and the target class's softmax probability comes back per mask.
   *
   * @param image one preprocessed image, H*W*C floats
   * @param targetClass class whose probability is returned
   * @param batchSize masks per forward pass, >= 1
   */
  public MaskScorer maskScorer(float[] image, int targetClass, int batchSize) {
    checkBatch(image, 1);
    checkClass(targetClass);
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    return new NetworkMaskScorer(this, image.clone(), targetClass, batchSize);
  }

  /**
   * The mean softmax cross-entropy of a labelled batch and its gradient with respect to every
   * weight: one forward pass keeping every layer's output, then one backward pass. For training;
   * the loss is taken on the logits, so the gradient at the top is softmax minus one-hot.
   *
   * @param inputs {@code batch} preprocessed images, NHWC row-major
   * @param batch number of images, >= 1
   * @param labels the true class of each image
   */
  public LossGradients lossGradients(float[] inputs, int batch, int[] labels) {
    checkBatch(inputs, batch);
    if (labels.length != batch) {
      throw new IllegalArgumentException("need one label per image: " + batch + " images, got "
          + labels.length + " labels");
    }
    for (int label : labels) {
      checkClass(label);
    }
    int classes = architecture.classCount();
    try (TensorScope scope = weightsScope.child()) {
      Tensor[] outputs = new Tensor[layers.size() + 1];
      outputs[0] = input(scope, inputs, batch);
      for (int i = 0; i < layers.size(); i++) {
        outputs[i + 1] = layers.get(i).forward(scope, outputs[i]);
      }
      double[] logits = outputs[layers.size()].toDoubles();
      double[] dLogits = new double[logits.length];
      double loss = 0;
      int correct = 0;
      for (int b = 0; b < batch; b++) {
        int row = b * classes;
        int best = 0;
        for (int c = 1; c < classes; c++) {
          best = logits[row + c] > logits[row + best] ? c : best;
        }
        double max = logits[row + best];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          sum += Math.exp(logits[row + c] - max);
        }
        // log-sum-exp shifted by the max, so large logits never overflow
        loss += max + Math.log(sum) - logits[row + labels[b]];
        correct += best == labels[b] ? 1 : 0;
        for (int c = 0; c < classes; c++) {
          double p = Math.exp(logits[row + c] - max) / sum;
          dLogits[row + c] = (p - (c == labels[b] ? 1 : 0)) / batch;
        }
      }
      Tensor dy = float64 ? scope.fromDoubles(dLogits, batch, classes)
          : scope.fromFloats(narrow(dLogits), batch, classes);
      List<List<WeightArray>> gradients = new ArrayList<>();
      for (int i = layers.size() - 1; i >= 0; i--) {
        Layer layer = layers.get(i);
        List<WeightArray> arrays = new ArrayList<>();
        for (Tensor g : layer.weightGradients(scope, outputs[i], outputs[i + 1], dy)) {
          arrays.add(new WeightArray(g.shape(), g.toFloats()));
        }
        gradients.add(0, arrays);
        if (i > 0) {
          dy = layer.backward(scope, outputs[i], outputs[i + 1], dy);
        }
      }
      Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
      for (int i = 0; i < layers.size(); i++) {
        byLayer.put(layers.get(i).name(), gradients.get(i));
      }
      return new LossGradients(loss / batch, correct, new ModelWeights(byLayer));
    }
  }

  /** Frees the weights and any pass still open. */
  @Override
  public void close() {
    weightsScope.close();
  }

  /** Opens a scope for one unit of work, freed with the network at the latest. */
  TensorScope openWorkScope() {
    return weightsScope.child();
  }

  /**
   * Runs layers {@code from} (inclusive) to {@code to} (exclusive) on {@code x}, freeing each
   * intermediate result as soon as the next layer has consumed it.
   */
  Tensor runLayers(TensorScope scope, Tensor x, int from, int to) {
    Tensor current = x;
    for (int i = from; i < to; i++) {
      Tensor next = layers.get(i).forward(scope, current);
      if (current != x) {
        scope.release(current);
      }
      current = next;
    }
    return current;
  }

  /** Logits of a batch fed in directly as layer {@code layerIndex}'s output, in double. */
  double[][] logitsFrom(int layerIndex, double[] activations, int batch) {
    int[] shape = layers().get(layerIndex).outputShape();
    int[] full = new int[shape.length + 1];
    full[0] = batch;
    System.arraycopy(shape, 0, full, 1, shape.length);
    try (TensorScope scope = weightsScope.child()) {
      Tensor a = float64 ? scope.fromDoubles(activations, full)
          : scope.fromFloats(narrow(activations), full);
      double[] logits = runLayers(scope, a, layerIndex + 1, layers.size()).toDoubles();
      int classes = architecture.classCount();
      double[][] out = new double[batch][];
      for (int b = 0; b < batch; b++) {
        out[b] = Arrays.copyOfRange(logits, b * classes, (b + 1) * classes);
      }
      return out;
    }
  }

  /** A tensor of the given shape in the network's precision. */
  Tensor tensor(TensorScope scope, float[] values, int... shape) {
    return float64 ? scope.fromDoubles(widen(values), shape) : scope.fromFloats(values, shape);
  }

  /** A batch of preprocessed images as an NHWC tensor. */
  Tensor input(TensorScope scope, float[] inputs, int batch) {
    return tensor(scope, inputs, batch, architecture.inputHeight(), architecture.inputWidth(),
        architecture.inputChannels());
  }

  /** The layer at {@code index}, top one linear. */
  Layer layer(int index) {
    return layers.get(index);
  }

  /** Number of layers. */
  /** Floats in the largest layer output (or the input) for one image. */
  long largestActivationPerImage() {
    long largest = (long) architecture.inputHeight() * architecture.inputWidth() * architecture.inputChannels();
    for (LayerInfo layer : architecture.layers()) {
      long size = 1;
      for (int d : layer.outputShape()) {
        size *= d;
      }
      largest = Math.max(largest, size);
    }
    return largest;
  }

  int layerCount() {
    return layers.size();
  }

  /** Fails unless {@code targetClass} is a valid class index. */
  void checkClass(int targetClass) {
    if (targetClass < 0 || targetClass >= architecture.classCount()) {
      throw new IllegalArgumentException("target class must be in [0, "
          + architecture.classCount() + "), got " + targetClass);
    }
  }

  /** Fails unless {@code inputs} hold exactly {@code batch} images. */
  private void checkBatch(float[] inputs, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    long expected = (long) batch * architecture.inputSize();
    if (inputs.length != expected) {
      throw new IllegalArgumentException("inputs must hold " + batch + " x "
          + architecture.inputHeight() + "x" + architecture.inputWidth() + "x"
          + architecture.inputChannels() + " = " + expected + " floats, got " + inputs.length);
    }
  }

  /** Splits row-major values into {@code rows} rows of {@code cols}. */
  static float[][] rows(float[] values, int rows, int cols) {
    float[][] out = new float[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = Arrays.copyOfRange(values, r * cols, (r + 1) * cols);
    }
    return out;
  }

  /** The doubles as floats. */
  private static float[] narrow(double[] values) {
    float[] f = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }
}
