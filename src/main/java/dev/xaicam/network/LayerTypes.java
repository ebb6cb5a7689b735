package dev.xaicam.network;

import dev.xaicam.XaiCamException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The layer registry: Keras class name to the factory that parses such a node. The one place that
 * knows every layer type; adding a type is one class and one {@code register} line here.
 */
final class LayerTypes {

  /** Parses one node, given its inputs' per-image shapes. */
  @FunctionalInterface
  interface Factory {
    Layer create(LayerConfig config, List<int[]> inputShapes);
  }

  /** Class name to factory, sorted for the "supported" list in messages. */
  private static final Map<String, Factory> FACTORIES = new TreeMap<>();

  static {
    register("Flatten", FlattenLayer::new);
    register("DepthwiseConv2D", DepthwiseConv2DLayer::new);
    register("SeparableConv2D", SeparableConv2DLayer::new);
    register("BatchNormalization", BatchNormalizationLayer::new);
    register("GlobalAveragePooling2D", GlobalAveragePooling2DLayer::new);
    register("GlobalMaxPooling2D", GlobalMaxPooling2DLayer::new);
    register("ZeroPadding2D", ZeroPadding2DLayer::new);
    register("Cropping2D", Cropping2DLayer::new);
    register("Reshape", ReshapeLayer::new);
    register("UpSampling2D", UpSampling2DLayer::new);
    register("Resizing", ResizingLayer::new);
    register("RandomCrop", RandomCropLayer::new);
    register("Rescaling", RescalingLayer::new);
    register("Normalization", NormalizationLayer::new);
    register("Subtract", SubtractLayer::new);
    register("Multiply", MultiplyLayer::new);
    register("Average", AverageLayer::new);
    register("Maximum", MaximumLayer::new);
    register("Concatenate", ConcatenateLayer::new);
    register("Dropout", InferenceIdentityLayer::new);
    register("SpatialDropout2D", InferenceIdentityLayer::new);
    register("AlphaDropout", InferenceIdentityLayer::new);
    register("GaussianNoise", InferenceIdentityLayer::new);
    register("GaussianDropout", InferenceIdentityLayer::new);
    register("ActivityRegularization", InferenceIdentityLayer::new);
    register("RandomFlip", InferenceIdentityLayer::new);
    register("RandomRotation", InferenceIdentityLayer::new);
    register("RandomZoom", InferenceIdentityLayer::new);
    register("RandomTranslation", InferenceIdentityLayer::new);
    register("RandomContrast", InferenceIdentityLayer::new);
    register("RandomBrightness", InferenceIdentityLayer::new);
  }

  /** Static registry only. */
  private LayerTypes() {}

  /** Adds one Keras class name. */
  private static void register(String className, Factory factory) {
    if (FACTORIES.put(className, factory) != null) {
      throw new IllegalStateException("layer class " + className + " registered twice");
    }
  }

  /** Whether {@code className} is supported. */
  static boolean supports(String className) {
    return FACTORIES.containsKey(className);
  }

  /** Every supported Keras class name, sorted. */
  static List<String> supported() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * Parses {@code node} into a layer.
   *
   * @throws XaiCamException (setup) naming the layer and its class when the class is not
   *     supported, or naming the config key when the config is unusable
   */
  static Layer create(NodeSpec node, List<int[]> inputShapes) {
    Factory factory = FACTORIES.get(node.className());
    if (factory == null) {
      throw XaiCamException.setup("layer '" + node.name() + "' is a " + node.className()
          + ", which xai-cam cannot run; supported layer classes: "
          + String.join(", ", supported()));
    }
    return factory.create(new LayerConfig(node), inputShapes);
  }
}
