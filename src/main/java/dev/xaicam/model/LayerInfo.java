package dev.xaicam.model;

import java.util.Arrays;

/**
 * One layer as other stages see it: its position, Keras name, kind and per-image output shape.
 *
 * @param index position in {@link Architecture#layers()}, 0 for the first layer after the input
 * @param name Keras layer name, e.g. {@code block5_conv3}
 * @param kind what the layer does
 * @param outputShape per-image output shape: {@code (H, W, C)} for conv and pool layers,
 *     {@code (N)} for flatten and dense layers
 */
public record LayerInfo(int index, String name, LayerKind kind, int[] outputShape) {

  /** Copies the shape so the record stays immutable. */
  public LayerInfo {
    outputShape = outputShape.clone();
  }

  /** A copy of the per-image output shape. */
  @Override
  public int[] outputShape() {
    return outputShape.clone();
  }

  /** Whether the output is an H x W x C feature map, which CAM methods need. */
  public boolean isSpatial() {
    return outputShape.length == 3;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LayerInfo l && index == l.index && name.equals(l.name) && kind == l.kind
        && Arrays.equals(outputShape, l.outputShape);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * index + name.hashCode()) + Arrays.hashCode(outputShape);
  }

  @Override
  public String toString() {
    return index + " " + name + " " + kind + " " + Arrays.toString(outputShape);
  }
}
