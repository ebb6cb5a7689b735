package dev.xaicam.train;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.GraphPass;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.Precision;
import dev.xaicam.network.WeightArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mini-batch training with Adam: TensorFlow computes each batch's gradients through the graph
 * network (softmax cross-entropy on its logits), and the update runs in Java on the weights'
 * float arrays.
 */
public final class Trainer {
  /** The graph being trained; its output must be a softmax classifier. */
  private final ModelGraph graph;
  /** The tensor runtime every step's network uses. */
  private final TensorRuntime runtime;
  /** Current weights by layer; the arrays are updated in place. */
  private final Map<String, List<float[]>> values = new LinkedHashMap<>();
  /** Shapes matching {@link #values}. */
  private final Map<String, List<int[]>> shapes = new LinkedHashMap<>();
  /** Optimiser state matching {@link #values}. */
  private final Map<String, List<Adam>> optimisers = new LinkedHashMap<>();

  /**
   * A trainer starting from {@code initial} (copied, never modified).
   *
   * @param graph the layer graph
   * @param initial starting weights for every layer of {@code graph}
   * @param runtime the tensor runtime
   */
  public Trainer(ModelGraph graph, ModelWeights initial, TensorRuntime runtime) {
    this.graph = graph;
    this.runtime = runtime;
    initial.byLayer().forEach((layer, arrays) -> {
      List<float[]> v = new ArrayList<>();
      List<int[]> s = new ArrayList<>();
      List<Adam> o = new ArrayList<>();
      for (WeightArray a : arrays) {
        v.add(a.values().clone());
        s.add(a.shape().clone());
        o.add(new Adam(a.values().length));
      }
      values.put(layer, v);
      shapes.put(layer, s);
      optimisers.put(layer, o);
    });
  }

  /**
   * One step: the batch's loss and gradients at the current weights, then one Adam update.
   *
   * @param inputs {@code batch} preprocessed images, NHWC
   * @param batch images in the batch
   * @param labels true class per image
   * @param learningRate Adam's step size, > 0
   * @return the loss and accuracy measured before the update
   */
  public TrainingStep step(float[] inputs, int batch, int[] labels, double learningRate) {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    TrainingStep result;
    try (GraphNetwork network = GraphNetwork.create(graph, weights(), runtime, Precision.FLOAT32);
        GraphPass pass = network.forward(inputs, batch, graph.inputTarget())) {
      SoftmaxCrossEntropy loss = SoftmaxCrossEntropy.of(pass.logits(), labels);
      result = new TrainingStep(loss.loss(), loss.correct(),
          pass.weightGradients(loss.logitGradients()));
    }
    values.forEach((layer, arrays) -> {
      List<WeightArray> gradients = result.gradients().of(layer);
      for (int i = 0; i < arrays.size(); i++) {
        optimisers.get(layer).get(i).update(arrays.get(i), gradients.get(i).values(), learningRate);
      }
    });
    return result;
  }

  /** A snapshot of the current weights, in the initial weights' layer order. */
  public ModelWeights weights() {
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    values.forEach((layer, arrays) -> {
      List<WeightArray> out = new ArrayList<>();
      for (int i = 0; i < arrays.size(); i++) {
        out.add(new WeightArray(shapes.get(layer).get(i).clone(), arrays.get(i).clone()));
      }
      byLayer.put(layer, out);
    });
    return new ModelWeights(byLayer);
  }
}
