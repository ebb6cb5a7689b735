package dev.xaicam.architectures;

import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random weights as a freshly built Keras model has them: Glorot-uniform kernels, zeros for 1-D
 * and scalar weights (biases, statistics, Normalization's count). Every node is listed in graph order, weightless ones with an empty list, like
 * a legacy Keras weight file.
 */
public final class GlorotWeights {

  /** Static factory only. */
  private GlorotWeights() {}

  /** Weights for every layer of {@code graph}, drawn from {@code seed} in graph order. */
  public static ModelWeights of(ModelGraph graph, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    graph.weightShapes().forEach((layer, shapes) -> {
      List<WeightArray> arrays = new ArrayList<>();
      for (int[] shape : shapes) {
        arrays.add(new WeightArray(shape, shape.length < 2
            ? new float[shape.length == 0 ? 1 : shape[0]] : glorotUniform(shape, random)));
      }
      byLayer.put(layer, arrays);
    });
    return new ModelWeights(byLayer);
  }

  /**
   * Uniform values in +-sqrt(6 / (fanIn + fanOut)), where a kernel's fans are its receptive field
   * times its input or output width, as Keras computes them.
   */
  private static float[] glorotUniform(int[] shape, SplittableRandom random) {
    int receptive = 1;
    for (int i = 0; i < shape.length - 2; i++) {
      receptive *= shape[i];
    }
    double fanIn = (double) receptive * shape[shape.length - 2];
    double fanOut = (double) receptive * shape[shape.length - 1];
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    int n = receptive * shape[shape.length - 2] * shape[shape.length - 1];
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextDouble(-limit, limit);
    }
    return values;
  }
}
