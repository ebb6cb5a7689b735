package dev.xaicam.architectures;

import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random weights as a freshly built Keras model has them: Glorot-uniform kernels, ones for the
 * weights Keras initialises to one (BatchNormalization's gamma and moving variance,
 * Normalization's variance), zeros for every other 1-D and scalar weight (biases, beta, moving
 * mean, Normalization's mean and count). Every node is listed in graph order, weightless ones
 * with an empty list, like a legacy Keras weight file.
 */
public final class GlorotWeights {
  /**
   * Weight roles Keras initialises to one. Zeros there would make every BatchNormalization
   * output its beta (zero), so a ResNet or MobileNet would compute nothing past its first BN.
   */
  private static final Set<String> ONES = Set.of("gamma", "moving_variance", "variance");

  /** Static factory only. */
  private GlorotWeights() {}

  /** Weights for every layer of {@code graph}, drawn from {@code seed} in graph order. */
  public static ModelWeights of(ModelGraph graph, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, List<String>> roles = graph.weightRoles();
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
    graph.weightShapes().forEach((layer, shapes) -> {
      List<WeightArray> arrays = new ArrayList<>();
      for (int w = 0; w < shapes.size(); w++) {
        int[] shape = shapes.get(w);
        arrays.add(new WeightArray(shape, shape.length < 2
            ? constant(shape, ONES.contains(roles.get(layer).get(w)) ? 1f : 0f)
            : glorotUniform(shape, random)));
      }
      byLayer.put(layer, arrays);
    });
    return new ModelWeights(byLayer);
  }

  /** A 1-D or scalar weight (one value) filled with {@code value}. */
  private static float[] constant(int[] shape, float value) {
    float[] values = new float[shape.length == 0 ? 1 : shape[0]];
    Arrays.fill(values, value);
    return values;
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
