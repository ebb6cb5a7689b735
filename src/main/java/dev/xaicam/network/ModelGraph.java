package dev.xaicam.network;

import dev.xaicam.XaiCamException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's graph with every layer parsed and every output shape known, before any weights or
 * native memory: what usage checks, target resolution and {@code xai-cam layers} need. Built
 * through the layer registry, so an unsupported layer or config fails here, before any image.
 */
public final class ModelGraph {
  /** The description this graph was built from. */
  private final GraphSpec spec;
  /** Layers in graph order, as the file describes them. */
  private final List<Layer> layers;
  /** Layers in graph order with the output layer's softmax/sigmoid removed. */
  private final List<Layer> scoringLayers;
  /** Per node, the indices of its inputs. */
  private final int[][] inputs;
  /** Per node, whether the model's output depends on it. */
  private final boolean[] feedsOutput;
  /** Index of the output node. */
  private final int outputIndex;
  /** How scores and probabilities come from the output. */
  private final OutputHead head;

  /** Parses every node of {@code spec}. */
  private ModelGraph(GraphSpec spec) {
    this.spec = spec;
    List<NodeSpec> nodes = spec.nodes();
    Map<String, Integer> index = new HashMap<>();
    List<Layer> built = new ArrayList<>();
    this.inputs = new int[nodes.size()][];
    for (int i = 0; i < nodes.size(); i++) {
      NodeSpec node = nodes.get(i);
      if (i > 0 && node.inputs().isEmpty()) {
        throw XaiCamException.setup("model '" + spec.name() + "' has a second input layer '"
            + node.name() + "'; xai-cam runs models with one input image");
      }
      inputs[i] = new int[node.inputs().size()];
      List<int[]> shapes = new ArrayList<>();
      for (int k = 0; k < inputs[i].length; k++) {
        inputs[i][k] = index.get(node.inputs().get(k));
        shapes.add(built.get(inputs[i][k]).outputShape());
      }
      built.add(LayerTypes.create(node, shapes, spec.kerasMajorVersion()));
      index.put(node.name(), i);
    }
    this.layers = List.copyOf(built);
    this.outputIndex = index.get(spec.outputName());
    int[] inputShape = layers.get(0).outputShape();
    if (inputShape.length != 3) {
      throw XaiCamException.setup("model '" + spec.name() + "' takes input "
          + LayerConfig.shapeText(inputShape) + "; xai-cam needs an H x W x C image input");
    }
    Layer output = layers.get(outputIndex);
    int[] outShape = output.outputShape();
    if (outShape.length != 1) {
      throw XaiCamException.setup("model '" + spec.name() + "' outputs "
          + LayerConfig.shapeText(outShape) + " at '" + spec.outputName()
          + "', not one score per class");
    }
    this.head = OutputHead.of(output.outputActivation(), outShape[0]);
    List<Layer> scoring = new ArrayList<>(layers);
    if (head.stripsActivation()) {
      scoring.set(outputIndex, output.withLinearOutput());
    }
    this.scoringLayers = List.copyOf(scoring);
    this.feedsOutput = ancestorsOf(outputIndex);
  }

  /**
   * Parses {@code spec} through the layer registry.
   *
   * @throws XaiCamException (setup) naming the first layer that cannot run, or a model that is not
   *     an image classifier with one input
   */
  public static ModelGraph of(GraphSpec spec) {
    return new ModelGraph(spec);
  }

  /** The model's name. */
  public String name() {
    return spec.name();
  }

  /** The description this graph was built from. */
  public GraphSpec spec() {
    return spec;
  }

  /** The input image shape (H, W, C). */
  public int[] inputShape() {
    return layers.get(0).outputShape();
  }

  /** Floats in one input image, H*W*C. */
  public int inputSize() {
    int[] s = inputShape();
    return s[0] * s[1] * s[2];
  }

  /** How scores and probabilities come from the output. */
  public OutputHead head() {
    return head;
  }

  /** Number of classes. */
  public int classCount() {
    return head.classCount();
  }

  /** Every node in graph order, as {@code xai-cam layers} lists them. */
  public List<LayerSummary> layers() {
    int defaultTarget = TargetResolver.defaultIndex(this);
    List<LayerSummary> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      NodeSpec node = node(i);
      long parameters = 0;
      for (WeightSpec w : layers.get(i).weights()) {
        parameters += w.size();
      }
      out.add(new LayerSummary(node.name(), node.className(), outputShape(i), parameters,
          node.nesting(), i == defaultTarget));
    }
    return out;
  }

  /**
   * The target layer {@code spec} names: a layer name (full path, or a unique short name or path
   * suffix) with an H x W x C output, an index with tf-keras-vis's rule (the nearest convolution
   * at or before it), or the default (null or blank).
   *
   * @throws XaiCamException (usage) when the layer is unknown, ambiguous or has no map output
   */
  public TargetNode target(String spec) {
    return TargetResolver.resolve(this, spec);
  }

  /** The default target: the last map-producing layer that may serve (no pooling or no-op). */
  public TargetNode defaultTarget() {
    return TargetResolver.resolve(this, null);
  }

  /** The input image as a target, for gradients with respect to the input (saliency). */
  public TargetNode inputTarget() {
    return new TargetNode(node(0).name(), 0, inputShape(), null);
  }

  /**
   * The weight shapes every node expects, in Keras's order (kernel, then bias), by node name in
   * graph order; weightless nodes map to an empty list.
   */
  public Map<String, List<int[]>> weightShapes() {
    Map<String, List<int[]>> shapes = new LinkedHashMap<>();
    for (int i = 0; i < size(); i++) {
      List<int[]> layer = new ArrayList<>();
      layers.get(i).weights().forEach(w -> layer.add(w.shape()));
      shapes.put(node(i).name(), List.copyOf(layer));
    }
    return shapes;
  }

  /**
   * The role of every weight each node expects, as Keras names the variable ({@code kernel},
   * {@code gamma}, {@code depthwise_kernel}, ...), by node name in graph order.
   */
  public Map<String, List<String>> weightRoles() {
    Map<String, List<String>> roles = new LinkedHashMap<>();
    for (int i = 0; i < size(); i++) {
      roles.put(node(i).name(), layers.get(i).weights().stream().map(WeightSpec::role).toList());
    }
    return roles;
  }

  /** Number of nodes. */
  int size() {
    return layers.size();
  }

  /** Node {@code i}'s description. */
  NodeSpec node(int i) {
    return spec.nodes().get(i);
  }

  /** Node {@code i}'s layer as the file describes it. */
  Layer layer(int i) {
    return layers.get(i);
  }

  /** Node {@code i}'s layer as the network runs it for scores (output activation removed). */
  Layer scoringLayer(int i) {
    return scoringLayers.get(i);
  }

  /** Node {@code i}'s per-image output shape. */
  int[] outputShape(int i) {
    return layers.get(i).outputShape();
  }

  /** Indices of node {@code i}'s inputs. */
  int[] inputsOf(int i) {
    return inputs[i].clone();
  }

  /** Index of the output node. */
  int outputIndex() {
    return outputIndex;
  }

  /** Whether the model's output depends on node {@code i}. */
  boolean feedsOutput(int i) {
    return feedsOutput[i];
  }

  /** Floats in the largest node output (or the input) for one image. */
  long largestOutputPerImage() {
    long largest = 0;
    for (int i = 0; i < size(); i++) {
      long n = 1;
      for (int d : outputShape(i)) {
        n *= d;
      }
      largest = Math.max(largest, n);
    }
    return largest;
  }

  /**
   * The nodes a backward pass from the output to {@code target} runs through: those that depend
   * on the target and feed the output (the target itself excluded).
   */
  boolean[] pathFrom(int target) {
    boolean[] path = new boolean[size()];
    boolean[] reached = new boolean[size()];
    reached[target] = true;
    for (int i = target + 1; i < size(); i++) {
      for (int m : inputs[i]) {
        reached[i] |= reached[m];
      }
      path[i] = reached[i] && feedsOutput[i];
    }
    return path;
  }

  /** Per node, whether {@code node} depends on it (itself included). */
  private boolean[] ancestorsOf(int node) {
    boolean[] marked = new boolean[size()];
    marked[node] = true;
    for (int i = node; i >= 0; i--) {
      if (marked[i]) {
        for (int m : inputs[i]) {
          marked[m] = true;
        }
      }
    }
    return marked;
  }
}
