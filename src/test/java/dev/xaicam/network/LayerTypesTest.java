package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The registry's contract: every registered layer class has a sample here, and every sample's
 * backward pass matches finite differences of its forward pass. Adding a layer type means adding
 * its row to {@link #SAMPLES}.
 */
class LayerTypesTest {

  /**
   * A sample node of one layer class.
   *
   * @param config the Keras config JSON
   * @param batchShapes the batch shape of each input (batch axis first)
   */
  record Sample(String config, int[]... batchShapes) {}

  /** One sample per registered class. */
  static final Map<String, Sample> SAMPLES = new TreeMap<>(Map.ofEntries(
      Map.entry("Activation", new Sample("{\"activation\":\"gelu\"}", new int[] {2, 3, 2, 2})),
      Map.entry("Add", new Sample("{}", new int[] {2, 3, 2, 2}, new int[] {2, 3, 2, 2})),
      Map.entry("AveragePooling2D", new Sample("{\"pool_size\":2,\"strides\":1}",
          new int[] {2, 4, 3, 2})),
      Map.entry("Conv2D", new Sample("{\"filters\":3,\"kernel_size\":3,\"strides\":2,"
          + "\"padding\":\"same\",\"activation\":\"relu\"}", new int[] {2, 5, 4, 2})),
      Map.entry("Dense", new Sample("{\"units\":3,\"activation\":\"softmax\"}",
          new int[] {2, 5})),
      Map.entry("ELU", new Sample("{\"alpha\":0.7}", new int[] {2, 3, 4})),
      Map.entry("Flatten", new Sample("{}", new int[] {2, 2, 3, 2})),
      Map.entry("InputLayer", new Sample("{\"batch_input_shape\":[null,3,3,2]}",
          new int[] {2, 3, 3, 2})),
      Map.entry("LeakyReLU", new Sample("{\"alpha\":0.1}", new int[] {2, 3, 4})),
      Map.entry("MaxPooling2D", new Sample("{\"padding\":\"same\"}", new int[] {2, 5, 5, 2})),
      Map.entry("PReLU", new Sample("{\"shared_axes\":[1,2]}", new int[] {2, 3, 3, 2})),
      Map.entry("ReLU", new Sample("{\"max_value\":0.5,\"negative_slope\":0.1}",
          new int[] {2, 3, 4})),
      Map.entry("Softmax", new Sample("{}", new int[] {2, 3, 4}))));

  @Test
  void everyRegisteredClassHasASample() {
    assertThat(SAMPLES.keySet()).containsExactlyElementsOf(LayerTypes.supported());
  }

  @Test
  void anUnsupportedClassIsOneSetupErrorListingTheSupportedOnes() {
    NodeSpec lambda = new NodeSpec("model/lambda_1", "Lambda", null, List.of("x"));
    assertThatThrownBy(() -> LayerTypes.create(lambda, List.of(new int[] {4})))
        .isInstanceOf(XaiCamException.class)
        .hasMessageStartingWith("layer 'model/lambda_1' is a Lambda, which xai-cam cannot run;"
            + " supported layer classes: Activation, Add,");
  }

  @Test
  @Tag("native")
  void everySampleBackwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      for (Map.Entry<String, Sample> e : SAMPLES.entrySet()) {
        int[][] perImage = new int[e.getValue().batchShapes().length][];
        for (int i = 0; i < perImage.length; i++) {
          int[] batch = e.getValue().batchShapes()[i];
          perImage[i] = java.util.Arrays.copyOfRange(batch, 1, batch.length);
        }
        Layer layer = LayerGradientCheck.layer(e.getKey(), e.getValue().config(), perImage);
        try (TensorScope one = s.child()) {
          LayerGradientCheck.assertBackwardMatchesForward(one, layer,
              LayerGradientCheck.randomWeights(one, layer, 31), 37, e.getValue().batchShapes());
        } catch (AssertionError failure) {
          throw new AssertionError(e.getKey() + ": " + failure.getMessage(), failure);
        }
      }
    }
  }
}
