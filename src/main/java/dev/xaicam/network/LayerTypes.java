package dev.xaicam.network;

import dev.xaicam.XaiCamException;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * Keras's convolution classes (subclasses of its {@code Conv} base), which tf-keras-vis's
   * index rule seeks: a fact of Keras's class hierarchy, not of how xai-cam runs them.
   */
  private static final Set<String> KERAS_CONVOLUTIONS = Set.of("Conv1D", "Conv2D", "Conv3D",
      "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose", "DepthwiseConv1D",
      "DepthwiseConv2D", "SeparableConv1D", "SeparableConv2D");

  /** Class name to factory, sorted for the "supported" list in messages. */
  private static final Map<String, Factory> FACTORIES = new TreeMap<>();

  static {
    register("Activation", ActivationLayer::new);
    register("Add", AddLayer::new);
    register("AveragePooling2D", AveragePooling2DLayer::new);
    register("Conv2D", Conv2DLayer::new);
    register("Dense", DenseLayer::new);
    register("ELU", ELULayer::new);
    register("Flatten", FlattenLayer::new);
    register("InputLayer", InputLayer::new);
    register("LeakyReLU", LeakyReLULayer::new);
    register("MaxPooling2D", MaxPooling2DLayer::new);
    register("PReLU", PReLULayer::new);
    register("ReLU", ReLULayer::new);
    register("Softmax", SoftmaxLayer::new);
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

  /** Whether Keras's {@code className} is a convolution ({@code isinstance(layer, Conv)}). */
  static boolean isKerasConvolution(String className) {
    return KERAS_CONVOLUTIONS.contains(className);
  }

  /** Every supported Keras class name, sorted. */
  static List<String> supported() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * Parses {@code node}, written by Keras {@code kerasMajorVersion}, into a layer.
   *
   * @throws XaiCamException (setup) naming the layer and its class when the class is not
   *     supported, or naming the config key when the config is unusable
   */
  static Layer create(NodeSpec node, List<int[]> inputShapes, int kerasMajorVersion) {
    Factory factory = FACTORIES.get(node.className());
    if (factory == null) {
      throw XaiCamException.setup("layer '" + node.name() + "' is a " + node.className()
          + ", which xai-cam cannot run; supported layer classes: "
          + String.join(", ", supported()));
    }
    return factory.create(new LayerConfig(node, kerasMajorVersion), inputShapes);
  }

  /** As {@link #create(NodeSpec, List, int)} for a config written by Keras 2. */
  static Layer create(NodeSpec node, List<int[]> inputShapes) {
    return create(node, inputShapes, GraphSpec.KERAS_2);
  }
}
