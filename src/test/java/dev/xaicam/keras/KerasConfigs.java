package dev.xaicam.keras;

/**
 * Small model configs written the way each Keras version writes them (structure copied from
 * Keras's saving code and from real files: tf.keras 2.4's Teachable Machine exports, a Keras
 * 3.15 {@code .keras} archive), with layer settings cut to what a reader needs.
 */
final class KerasConfigs {

  /** Not instantiable. */
  private KerasConfigs() {}

  /**
   * tf.keras 2.x Sequential with its InputLayer first: grayscale 8x8 input, conv 3x3 (2 filters),
   * 2x2 max pooling, flatten, one sigmoid unit. Layer names: conv2d_input, conv2d, max_pooling2d,
   * flatten, dense.
   */
  static final String KERAS2_SEQUENTIAL = """
      {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 8, 8, 1],
          "dtype": "float32", "sparse": false, "ragged": false, "name": "conv2d_input"}},
        {"class_name": "Conv2D", "config": {"name": "conv2d", "trainable": true,
          "batch_input_shape": [null, 8, 8, 1], "dtype": "float32", "filters": 2,
          "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid",
          "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1,
          "activation": "relu", "use_bias": true}},
        {"class_name": "MaxPooling2D", "config": {"name": "max_pooling2d", "trainable": true,
          "dtype": "float32", "pool_size": [2, 2], "padding": "valid", "strides": [2, 2],
          "data_format": "channels_last"}},
        {"class_name": "Flatten", "config": {"name": "flatten", "trainable": true,
          "dtype": "float32", "data_format": "channels_last"}},
        {"class_name": "Dense", "config": {"name": "dense", "trainable": true, "dtype": "float32",
          "units": 1, "activation": "sigmoid", "use_bias": true}}]}}
      """;

  /**
   * tf.keras 2.x Sequential classifier of small RGB pictures: 16x16x3 input, conv 3x3 (4 filters,
   * relu, valid: 14x14), 2x2 max pooling, flatten (196), dense softmax over {@code %d} classes
   * (filled in with {@link String#formatted}). Layer names: conv2d_input, conv2d, max_pooling2d,
   * flatten, dense.
   */
  static final String KERAS2_RGB_CLASSIFIER = """
      {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 16, 16, 3],
          "dtype": "float32", "sparse": false, "ragged": false, "name": "conv2d_input"}},
        {"class_name": "Conv2D", "config": {"name": "conv2d", "trainable": true,
          "batch_input_shape": [null, 16, 16, 3], "dtype": "float32", "filters": 4,
          "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid",
          "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1,
          "activation": "relu", "use_bias": true}},
        {"class_name": "MaxPooling2D", "config": {"name": "max_pooling2d", "trainable": true,
          "dtype": "float32", "pool_size": [2, 2], "padding": "valid", "strides": [2, 2],
          "data_format": "channels_last"}},
        {"class_name": "Flatten", "config": {"name": "flatten", "trainable": true,
          "dtype": "float32", "data_format": "channels_last"}},
        {"class_name": "Dense", "config": {"name": "dense", "trainable": true, "dtype": "float32",
          "units": %d, "activation": "softmax", "use_bias": true}}]}}
      """;

  /**
   * Keras 2.2 Sequential: the config is the bare list of layers, no InputLayer; the first layer
   * carries batch_input_shape (6x6 RGB). Layers conv2d_1 (3 filters, 3x3), flatten_1, dense_1.
   */
  static final String KERAS22_BARE_LIST = """
      {"class_name": "Sequential", "config": [
        {"class_name": "Conv2D", "config": {"name": "conv2d_1", "trainable": true,
          "batch_input_shape": [null, 6, 6, 3], "dtype": "float32", "filters": 3,
          "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid",
          "data_format": "channels_last", "dilation_rate": [1, 1], "activation": "relu",
          "use_bias": true}},
        {"class_name": "Flatten", "config": {"name": "flatten_1", "trainable": true,
          "data_format": "channels_last"}},
        {"class_name": "Dense", "config": {"name": "dense_1", "trainable": true, "units": 2,
          "activation": "softmax", "use_bias": true}}]}
      """;

  /**
   * A Teachable Machine export's shape (tf.keras 2.4): Sequential sequential_4 holding
   * Sequential sequential_1 (its own InputLayer, then Functional model1 with input_1 -> Conv1 ->
   * bn_Conv1 -> Conv2 -> bn_Conv2 -> out_relu, then global pooling) and Sequential sequential_3
   * (InputLayer, Dense dense_Dense1 softmax over 2 classes).
   */
  static final String TEACHABLE_MACHINE = """
      {"class_name": "Sequential", "config": {"name": "sequential_4", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 6, 6, 3],
          "dtype": "float32", "sparse": false, "ragged": false, "name": "sequential_1_input"}},
        {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
          {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 6, 6, 3],
            "dtype": "float32", "sparse": false, "ragged": false, "name": "model1_input"}},
          {"class_name": "Functional", "config": {"name": "model1", "layers": [
            {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 6, 6, 3],
              "dtype": "float32", "sparse": false, "ragged": false, "name": "input_1"},
              "name": "input_1", "inbound_nodes": []},
            {"class_name": "Conv2D", "config": {"name": "Conv1", "filters": 2,
              "kernel_size": [1, 1], "strides": [1, 1], "padding": "valid", "use_bias": false,
              "activation": "linear"}, "name": "Conv1", "inbound_nodes": [[["input_1", 0, 0, {}]]]},
            {"class_name": "BatchNormalization", "config": {"name": "bn_Conv1", "axis": [3],
              "epsilon": 0.001, "center": true, "scale": true},
              "name": "bn_Conv1", "inbound_nodes": [[["Conv1", 0, 0, {}]]]},
            {"class_name": "Conv2D", "config": {"name": "Conv2", "filters": 2,
              "kernel_size": [1, 1], "strides": [1, 1], "padding": "valid", "use_bias": false,
              "activation": "linear"}, "name": "Conv2", "inbound_nodes": [[["bn_Conv1", 0, 0, {}]]]},
            {"class_name": "BatchNormalization", "config": {"name": "bn_Conv2", "axis": [3],
              "epsilon": 0.001, "center": true, "scale": true},
              "name": "bn_Conv2", "inbound_nodes": [[["Conv2", 0, 0, {}]]]},
            {"class_name": "ReLU", "config": {"name": "out_relu", "max_value": 6.0,
              "negative_slope": 0.0, "threshold": 0.0},
              "name": "out_relu", "inbound_nodes": [[["bn_Conv2", 0, 0, {}]]]}],
            "input_layers": [["input_1", 0, 0]], "output_layers": [["out_relu", 0, 0]]}},
          {"class_name": "GlobalAveragePooling2D", "config": {"name": "global_average_pooling2d",
            "data_format": "channels_last"}}]}},
        {"class_name": "Sequential", "config": {"name": "sequential_3", "layers": [
          {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 2],
            "dtype": "float32", "sparse": false, "ragged": false, "name": "dense_Dense1_input"}},
          {"class_name": "Dense", "config": {"name": "dense_Dense1", "units": 2,
            "activation": "softmax", "use_bias": false}}]}}]}}
      """;

  /**
   * Keras 3 {@code config.json} of a Functional model: input_layer (None, 5, 5, 3) feeds conv2d
   * and conv2d_1, add sums them (Keras 3's list-of-tensors argument), a nested Sequential
   * "head" (its InputLayer, inner_conv, global pooling) follows, then dense (1 sigmoid unit).
   */
  static final String KERAS3_FUNCTIONAL = """
      {"module": "keras", "class_name": "Functional", "config": {"name": "functional",
        "trainable": true, "layers": [
        {"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, 5, 5, 3],
          "dtype": "float32", "sparse": false, "name": "input_layer"}, "registered_name": null,
          "name": "input_layer", "inbound_nodes": []},
        {"module": "keras.layers", "class_name": "Conv2D", "config": {"name": "conv2d",
          "trainable": true, "dtype": {"module": "keras", "class_name": "DTypePolicy",
          "config": {"name": "float32"}, "registered_name": null}, "filters": 2,
          "kernel_size": [1, 1], "strides": [1, 1], "padding": "valid", "activation": "relu",
          "use_bias": true}, "registered_name": null, "build_config": {"input_shape": [null, 5, 5, 3]},
          "name": "conv2d", "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__",
          "config": {"shape": [null, 5, 5, 3], "dtype": "float32",
          "keras_history": ["input_layer", 0, 0]}}], "kwargs": {}}]},
        {"module": "keras.layers", "class_name": "Conv2D", "config": {"name": "conv2d_1",
          "trainable": true, "filters": 2, "kernel_size": [1, 1], "strides": [1, 1],
          "padding": "valid", "activation": "linear", "use_bias": false}, "registered_name": null,
          "build_config": {"input_shape": [null, 5, 5, 3]}, "name": "conv2d_1",
          "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {
          "shape": [null, 5, 5, 3], "dtype": "float32", "keras_history": ["input_layer", 0, 0]}}],
          "kwargs": {}}]},
        {"module": "keras.layers", "class_name": "Add", "config": {"name": "add", "trainable": true},
          "registered_name": null, "build_config": {"input_shape": [[null, 5, 5, 2], [null, 5, 5, 2]]},
          "name": "add", "inbound_nodes": [{"args": [[{"class_name": "__keras_tensor__",
          "config": {"shape": [null, 5, 5, 2], "dtype": "float32", "keras_history": ["conv2d", 0, 0]}},
          {"class_name": "__keras_tensor__", "config": {"shape": [null, 5, 5, 2], "dtype": "float32",
          "keras_history": ["conv2d_1", 0, 0]}}]], "kwargs": {}}]},
        {"module": "keras", "class_name": "Sequential", "config": {"name": "head", "trainable": true,
          "layers": [
          {"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, 5, 5, 2],
            "dtype": "float32", "sparse": false, "name": "input_layer_1"}, "registered_name": null},
          {"module": "keras.layers", "class_name": "Conv2D", "config": {"name": "inner_conv",
            "trainable": true, "filters": 4, "kernel_size": [1, 1], "strides": [1, 1],
            "padding": "valid", "activation": "relu", "use_bias": true}, "registered_name": null,
            "build_config": {"input_shape": [null, 5, 5, 2]}},
          {"module": "keras.layers", "class_name": "GlobalAveragePooling2D", "config": {
            "name": "global_average_pooling2d", "trainable": true, "data_format": "channels_last",
            "keepdims": false}, "registered_name": null}],
          "build_input_shape": [null, 5, 5, 2]}, "registered_name": null,
          "build_config": {"input_shape": [null, 5, 5, 2]}, "name": "head",
          "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {
          "shape": [null, 5, 5, 2], "dtype": "float32", "keras_history": ["add", 0, 0]}}],
          "kwargs": {"training": false}}]},
        {"module": "keras.layers", "class_name": "Dense", "config": {"name": "dense",
          "trainable": true, "units": 1, "activation": "sigmoid", "use_bias": true},
          "registered_name": null, "build_config": {"input_shape": [null, 4]}, "name": "dense",
          "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {
          "shape": [null, 4], "dtype": "float32", "keras_history": ["head", 0, 0]}}],
          "kwargs": {}}]}],
        "input_layers": [["input_layer", 0, 0]], "output_layers": [["dense", 0, 0]]},
        "registered_name": "Functional", "build_config": {"input_shape": null},
        "compile_config": null}
      """;

  /**
   * Keras 3 writing legacy HDF5: layer configs without "module", Keras 3's args-style
   * inbound_nodes, batch_shape. input_layer (None, 4, 4, 3) -> conv2d -> flatten -> dense.
   */
  static final String KERAS3_LEGACY_FUNCTIONAL = """
      {"class_name": "Functional", "config": {"name": "functional_1", "trainable": true, "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [null, 4, 4, 3], "dtype": "float32",
          "sparse": false, "name": "input_layer"}, "name": "input_layer", "inbound_nodes": []},
        {"class_name": "Conv2D", "config": {"name": "conv2d", "trainable": true, "filters": 2,
          "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid", "activation": "relu",
          "use_bias": true}, "name": "conv2d", "inbound_nodes": [{"args": [{"class_name":
          "__keras_tensor__", "config": {"shape": [null, 4, 4, 3], "dtype": "float32",
          "keras_history": ["input_layer", 0, 0]}}], "kwargs": {}}]},
        {"class_name": "Flatten", "config": {"name": "flatten", "trainable": true},
          "name": "flatten", "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__",
          "config": {"shape": [null, 2, 2, 2], "dtype": "float32",
          "keras_history": ["conv2d", 0, 0]}}], "kwargs": {}}]},
        {"class_name": "Dense", "config": {"name": "dense", "trainable": true, "units": 2,
          "activation": "softmax", "use_bias": true}, "name": "dense", "inbound_nodes": [{"args":
          [{"class_name": "__keras_tensor__", "config": {"shape": [null, 8], "dtype": "float32",
          "keras_history": ["flatten", 0, 0]}}], "kwargs": {}}]}],
        "input_layers": [["input_layer", 0, 0]], "output_layers": [["dense", 0, 0]]}}
      """;
}
