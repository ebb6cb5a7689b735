package dev.xaicam.train;

import dev.xaicam.model.Architecture;
import dev.xaicam.model.LossGradients;
import dev.xaicam.model.ModelWeights;
import dev.xaicam.model.Network;
import dev.xaicam.model.WeightArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mini-batch training with Adam: TensorFlow computes each batch's gradients through the
 * project's own layer graph, and the update runs in Java on the weights' float arrays.
 */
public final class Trainer {
  /** The layer graph being trained. */
  private final Architecture architecture;
  /** Current weights by layer; the arrays are updated in place. */
  private final Map<String, List<float[]>> values = new LinkedHashMap<>();
  /** Shapes matching {@link #values}. */
  private final Map<String, List<int[]>> shapes = new LinkedHashMap<>();
  /** Optimiser state matching {@link #values}. */
  private final Map<String, List<Adam>> optimisers = new LinkedHashMap<>();

  /**
   * A trainer starting from {@code initial} (copied, never modified).
   *
   * @param architecture the layer graph
   * @param initial starting weights for every layer of {@code architecture}
   */
  public Trainer(Architecture architecture, ModelWeights initial) {
    this.architecture = architecture;
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
  public LossGradients step(float[] inputs, int batch, int[] labels, double learningRate) {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    LossGradients result;
    try (Network network = Network.create(architecture, weights())) {
      result = network.lossGradients(inputs, batch, labels);
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
