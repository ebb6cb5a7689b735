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
      Map.entry("Softmax", new Sample("{}", new int[] {2, 3, 4})),
      Map.entry("ActivityRegularization", new Sample("{\"l1\":0.1}", new int[] {2, 3, 2})),
      Map.entry("AlphaDropout", new Sample("{\"rate\":0.5}", new int[] {2, 3, 2})),
      Map.entry("Average", new Sample("{}", new int[] {2, 2, 3}, new int[] {2, 2, 3})),
      Map.entry("BatchNormalization", new Sample("{\"axis\":[3],\"epsilon\":0.001}",
          new int[] {2, 3, 3, 2})),
      Map.entry("Concatenate", new Sample("{\"axis\":-1}", new int[] {2, 3, 3, 2},
          new int[] {2, 3, 3, 1})),
      Map.entry("Cropping2D", new Sample("{\"cropping\":[[1,0],[0,1]]}", new int[] {2, 4, 4, 2})),
      Map.entry("DepthwiseConv2D", new Sample("{\"kernel_size\":3,\"padding\":\"same\","
          + "\"depth_multiplier\":2,\"activation\":\"relu6\"}", new int[] {2, 4, 4, 2})),
      Map.entry("Dropout", new Sample("{\"rate\":0.5}", new int[] {2, 3, 2})),
      Map.entry("GaussianDropout", new Sample("{\"rate\":0.5}", new int[] {2, 3, 2})),
      Map.entry("GaussianNoise", new Sample("{\"stddev\":0.5}", new int[] {2, 3, 2})),
      Map.entry("GlobalAveragePooling2D", new Sample("{}", new int[] {2, 3, 3, 2})),
      Map.entry("GlobalMaxPooling2D", new Sample("{\"keepdims\":true}", new int[] {2, 3, 3, 2})),
      Map.entry("Maximum", new Sample("{}", new int[] {2, 2, 3}, new int[] {2, 2, 3})),
      Map.entry("Multiply", new Sample("{}", new int[] {2, 2, 3}, new int[] {2, 2, 3})),
      Map.entry("Normalization", new Sample("{\"mean\":[1,2],\"variance\":[4,0.5]}",
          new int[] {2, 3, 2})),
      Map.entry("RandomBrightness", new Sample("{\"factor\":0.2}", new int[] {2, 3, 3, 2})),
      Map.entry("RandomContrast", new Sample("{\"factor\":0.2}", new int[] {2, 3, 3, 2})),
      Map.entry("RandomCrop", new Sample("{\"height\":2,\"width\":3}", new int[] {2, 4, 4, 2})),
      Map.entry("RandomFlip", new Sample("{\"mode\":\"horizontal\"}", new int[] {2, 3, 3, 2})),
      Map.entry("RandomRotation", new Sample("{\"factor\":0.1}", new int[] {2, 3, 3, 2})),
      Map.entry("RandomTranslation", new Sample("{\"height_factor\":0.1,\"width_factor\":0.1}",
          new int[] {2, 3, 3, 2})),
      Map.entry("RandomZoom", new Sample("{\"height_factor\":0.1}", new int[] {2, 3, 3, 2})),
      Map.entry("Rescaling", new Sample("{\"scale\":0.5,\"offset\":-1}", new int[] {2, 3, 2})),
      Map.entry("Reshape", new Sample("{\"target_shape\":[9,2]}", new int[] {2, 3, 3, 2})),
      Map.entry("Resizing", new Sample("{\"height\":5,\"width\":4}", new int[] {2, 3, 3, 2})),
      Map.entry("SeparableConv2D", new Sample("{\"filters\":3,\"kernel_size\":3,"
          + "\"padding\":\"same\",\"activation\":\"swish\"}", new int[] {2, 4, 4, 2})),
      Map.entry("SpatialDropout2D", new Sample("{\"rate\":0.5}", new int[] {2, 3, 3, 2})),
      Map.entry("Subtract", new Sample("{}", new int[] {2, 2, 3}, new int[] {2, 2, 3})),
      Map.entry("UpSampling2D", new Sample("{\"size\":2,\"interpolation\":\"bilinear\"}",
          new int[] {2, 2, 3, 2})),
      Map.entry("ZeroPadding2D", new Sample("{\"padding\":1}", new int[] {2, 3, 3, 2}))));

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
            + " supported layer classes: Activation, ActivityRegularization, Add,");
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
