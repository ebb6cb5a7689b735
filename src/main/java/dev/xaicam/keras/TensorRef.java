package dev.xaicam.keras;

/**
 * A reference to one output of one call of a layer, as Keras configs write tensors:
 * {@code [layer_name, node_index, tensor_index]}.
 *
 * @param layer the producing layer's name, within the same model
 * @param nodeIndex which call of that layer
 * @param tensorIndex which output of that call
 */
record TensorRef(String layer, int nodeIndex, int tensorIndex) {}
