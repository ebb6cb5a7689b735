package dev.xaicam.model;

/**
 * One layer of an {@link Architecture} before weights exist.
 *
 * @param name Keras layer name
 * @param kind what the layer does
 * @param width filters of a conv layer or units of a dense layer; 0 for weightless layers
 * @param kernelSize square kernel side of a conv layer; 0 otherwise
 * @param activation fused activation of conv and dense layers; null for weightless layers
 */
record LayerSpec(String name, LayerKind kind, int width, int kernelSize, Activation activation) {

  /** A conv layer with a square kernel, SAME padding, stride 1. */
  static LayerSpec conv(String name, int filters, int kernelSize, Activation activation) {
    return new LayerSpec(name, LayerKind.CONV, filters, kernelSize, activation);
  }

  /** A 2x2 max-pooling layer. */
  static LayerSpec pool(String name) {
    return new LayerSpec(name, LayerKind.POOL, 0, 0, null);
  }

  /** A flatten layer. */
  static LayerSpec flatten(String name) {
    return new LayerSpec(name, LayerKind.FLATTEN, 0, 0, null);
  }

  /** A dense layer. */
  static LayerSpec dense(String name, int units, Activation activation) {
    return new LayerSpec(name, LayerKind.DENSE, units, 0, activation);
  }

  /** Checks widths against the kind. */
  LayerSpec {
    boolean weighted = kind == LayerKind.CONV || kind == LayerKind.DENSE;
    if (weighted && width < 1) {
      throw new IllegalArgumentException("layer " + name + " width must be >= 1, got " + width);
    }
    if (kind == LayerKind.CONV && kernelSize < 1) {
      throw new IllegalArgumentException(
          "layer " + name + " kernel size must be >= 1, got " + kernelSize);
    }
    if (weighted && activation == null) {
      throw new IllegalArgumentException("layer " + name + " needs an activation");
    }
  }
}
