package dev.xaicam.architectures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.XaiCamException;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.keras.KerasWeightsWriter;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.GraphPass;
import dev.xaicam.network.LayerSummary;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.Precision;
import dev.xaicam.network.TargetNode;
import dev.xaicam.network.WeightArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** What every built-in ImageNet architecture's test checks, without natives. */
final class ArchitectureChecks {

  /** Static checks only. */
  private ArchitectureChecks() {}

  /** Sum of every layer's weights, as Keras's {@code count_params()} (BN statistics included). */
  static long parameters(ModelGraph graph) {
    return graph.layers().stream().mapToLong(LayerSummary::parameterCount).sum();
  }

  /** The output shape of the layer named {@code name}. */
  static int[] shape(ModelGraph graph, String name) {
    return graph.layers().stream().filter(l -> l.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no layer " + name)).outputShape();
  }

  /** Layer names in graph order. */
  static List<String> names(ModelGraph graph) {
    return graph.layers().stream().map(LayerSummary::name).toList();
  }

  /**
   * Seeded random weights written in Keras's nested layout with Keras's variable names, with
   * {@code layer}'s first array one wider in its last dimension, read back: the round trip keeps
   * every other array, and building the network fails naming {@code layer}, before any native
   * memory is touched.
   */
  static void assertWrongShapeNamesLayer(ModelGraph graph, String layer, Path dir) {
    ModelWeights weights = GlorotWeights.of(graph, 11);
    ModelWeights broken = widenFirstArray(weights, layer);
    Path file = dir.resolve(graph.name() + ".h5");
    KerasWeightsWriter.writeNamed(file, broken, graph.weightRoles());
    ModelWeights read = KerasModelFile.readWeightsOnly(file);
    assertThat(read).isEqualTo(broken.withoutWeightlessLayers());
    assertThatThrownBy(() -> GraphNetwork.create(graph, read, TensorRuntime.shared(),
        Precision.FLOAT32)).isInstanceOf(XaiCamException.class)
        .hasMessageContaining("layer '" + layer + "'").hasMessageContaining("expects");
  }

  /**
   * As {@link #assertWrongShapeNamesLayer(ModelGraph, String, Path)} without the file, for the
   * networks whose file is too large to write and read back in a unit test (ResNet50's 103 MB,
   * VGG19's 574 MB).
   */
  static void assertWrongShapeNamesLayer(ModelGraph graph, String layer) {
    ModelWeights broken = widenFirstArray(GlorotWeights.of(graph, 11), layer);
    assertThatThrownBy(() -> GraphNetwork.create(graph, broken, TensorRuntime.shared(),
        Precision.FLOAT32)).isInstanceOf(XaiCamException.class)
        .hasMessageContaining("layer '" + layer + "'").hasMessageContaining("expects");
  }

  /**
   * Runs one seeded random image forward through {@code graph} on Glorot weights (BatchNormalization
   * gammas and variances 1, as Keras builds them), to the default target: TensorFlow accepts every
   * op, the target's activations have the graph's shape, pass its ReLU and are not all zero, and
   * the probabilities sum to 1.
   */
  static void assertRunsForward(ModelGraph graph) {
    SplittableRandom random = new SplittableRandom(6);
    float[] image = new float[graph.inputSize()];
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) random.nextDouble(-1, 1);
    }
    TargetNode target = graph.defaultTarget();
    try (GraphNetwork network = GraphNetwork.create(graph, GlorotWeights.of(graph, 5),
            TensorRuntime.shared(), Precision.FLOAT32);
        GraphPass pass = network.forward(image, 1, target)) {
      double[] activations = pass.targetActivations()[0];
      int[] shape = target.shape();
      assertThat(activations).hasSize(shape[0] * shape[1] * shape[2]);
      assertThat(Arrays.stream(activations).min().orElseThrow()).isGreaterThanOrEqualTo(0);
      assertThat(Arrays.stream(activations).max().orElseThrow()).isGreaterThan(0);
      double[] p = pass.exactProbabilities()[0];
      assertThat(p).hasSize(1000);
      assertThat(Arrays.stream(p).sum()).isCloseTo(1, within(1e-4));
    }
  }

  /** {@code weights} with {@code layer}'s first array one wider in its last dimension. */
  static ModelWeights widenFirstArray(ModelWeights weights, String layer) {
    Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>(weights.byLayer());
    List<WeightArray> arrays = new ArrayList<>(byLayer.get(layer));
    int[] shape = arrays.get(0).shape();
    shape[shape.length - 1]++;
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    arrays.set(0, new WeightArray(shape, new float[n]));
    byLayer.put(layer, arrays);
    return new ModelWeights(byLayer);
  }
}
