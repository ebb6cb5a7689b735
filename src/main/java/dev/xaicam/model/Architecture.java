package dev.xaicam.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An immutable sequential network shape: input size, ordered layers with their output shapes and
 * the weight shapes each layer expects.
 */
public final class Architecture {
  /** Display name used in messages, e.g. {@code VGG16}. */
  private final String name;
  /** Input height in pixels. */
  private final int inputHeight;
  /** Input width in pixels. */
  private final int inputWidth;
  /** Input colour channels. */
  private final int inputChannels;
  /** Layer specs in order. */
  private final List<LayerSpec> specs;
  /** Layer descriptions in order, with computed output shapes. */
  private final List<LayerInfo> layers;

  /** Computes every layer's output shape, failing on specs that cannot chain. */
  Architecture(String name, int inputHeight, int inputWidth, int inputChannels,
      List<LayerSpec> specs) {
    if (inputHeight < 1 || inputWidth < 1 || inputChannels < 1) {
      throw new IllegalArgumentException("input size must be positive, got " + inputHeight + "x"
          + inputWidth + "x" + inputChannels);
    }
    if (specs.isEmpty() || specs.get(specs.size() - 1).kind() != LayerKind.DENSE) {
      throw new IllegalArgumentException("an architecture must end with a dense layer");
    }
    this.name = name;
    this.inputHeight = inputHeight;
    this.inputWidth = inputWidth;
    this.inputChannels = inputChannels;
    this.specs = List.copyOf(specs);
    List<LayerInfo> infos = new ArrayList<>();
    int[] shape = {inputHeight, inputWidth, inputChannels};
    for (int i = 0; i < specs.size(); i++) {
      LayerSpec spec = specs.get(i);
      shape = outputShape(spec, shape);
      infos.add(new LayerInfo(i, spec.name(), spec.kind(), shape));
    }
    this.layers = List.copyOf(infos);
  }

  /** The per-image output shape of {@code spec} applied to {@code in}. */
  private static int[] outputShape(LayerSpec spec, int[] in) {
    boolean spatial = in.length == 3;
    switch (spec.kind()) {
      case CONV:
        requireSpatial(spec, in);
        return new int[] {in[0], in[1], spec.width()};
      case POOL:
        requireSpatial(spec, in);
        if (in[0] < 2 || in[1] < 2) {
          throw new IllegalArgumentException(
              "layer " + spec.name() + " cannot pool a " + in[0] + "x" + in[1] + " map");
        }
        return new int[] {in[0] / 2, in[1] / 2, in[2]};
      case FLATTEN:
        requireSpatial(spec, in);
        return new int[] {in[0] * in[1] * in[2]};
      case DENSE:
        if (spatial) {
          throw new IllegalArgumentException("layer " + spec.name() + " needs a flat input");
        }
        return new int[] {spec.width()};
      default:
        throw new IllegalArgumentException("unknown layer kind " + spec.kind());
    }
  }

  /** Fails unless the input is an H x W x C map. */
  private static void requireSpatial(LayerSpec spec, int[] in) {
    if (in.length != 3) {
      throw new IllegalArgumentException("layer " + spec.name() + " needs an H x W x C input");
    }
  }

  /** Display name, e.g. {@code VGG16}. */
  public String name() {
    return name;
  }

  /** Input height in pixels. */
  public int inputHeight() {
    return inputHeight;
  }

  /** Input width in pixels. */
  public int inputWidth() {
    return inputWidth;
  }

  /** Input colour channels. */
  public int inputChannels() {
    return inputChannels;
  }

  /** Floats in one preprocessed input image, H*W*C. */
  public int inputSize() {
    return inputHeight * inputWidth * inputChannels;
  }

  /** Number of classes the last layer scores. */
  public int classCount() {
    return specs.get(specs.size() - 1).width();
  }

  /** Every layer after the input, in order. */
  public List<LayerInfo> layers() {
    return layers;
  }

  /** The layer with this Keras name, if any. */
  public Optional<LayerInfo> layer(String layerName) {
    return layers.stream().filter(l -> l.name().equals(layerName)).findFirst();
  }

  /** The last convolutional layer: tf-keras-vis's default CAM target ({@code block5_conv3}). */
  public LayerInfo lastConvLayer() {
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i).kind() == LayerKind.CONV) {
        return layers.get(i);
      }
    }
    throw new IllegalStateException(name + " has no convolutional layer");
  }

  /** Layer specs in order. */
  List<LayerSpec> specs() {
    return specs;
  }

  /** Per-image input shape of layer {@code index}. */
  int[] inputShapeOf(int index) {
    return index == 0 ? new int[] {inputHeight, inputWidth, inputChannels}
        : layers.get(index - 1).outputShape();
  }

  /**
   * Weight shapes layer {@code index} expects in Keras order: kernel then bias, or none for
   * weightless layers.
   */
  List<int[]> weightShapes(int index) {
    LayerSpec spec = specs.get(index);
    int[] in = inputShapeOf(index);
    switch (spec.kind()) {
      case CONV:
        return List.of(new int[] {spec.kernelSize(), spec.kernelSize(), in[2], spec.width()},
            new int[] {spec.width()});
      case DENSE:
        return List.of(new int[] {in[0], spec.width()}, new int[] {spec.width()});
      default:
        return List.of();
    }
  }

  @Override
  public String toString() {
    return name + " " + inputHeight + "x" + inputWidth + "x" + inputChannels + ", "
        + layers.size() + " layers, " + classCount() + " classes";
  }
}
