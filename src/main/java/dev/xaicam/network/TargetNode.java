package dev.xaicam.network;

import java.util.Arrays;

/**
 * The layer whose output a CAM explains (or the input, for saliency): a node with an H x W x C
 * output.
 *
 * @param name the node's full name
 * @param index the node's position in graph order
 * @param shape its per-image output shape (H, W, C)
 * @param requested what the user typed, or {@code null} for the default
 */
public record TargetNode(String name, int index, int[] shape, String requested) {

  /** Copies the shape so the record stays immutable. */
  public TargetNode {
    if (shape.length != 3) {
      throw new IllegalArgumentException("a target needs an H x W x C output, got "
          + Arrays.toString(shape));
    }
    shape = shape.clone();
  }

  /** A copy of the per-image output shape. */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** Output height H. */
  public int height() {
    return shape[0];
  }

  /** Output width W. */
  public int width() {
    return shape[1];
  }

  /** Output channels C. */
  public int channels() {
    return shape[2];
  }

  /** Values per image, H*W*C. */
  public int size() {
    return shape[0] * shape[1] * shape[2];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TargetNode t && name.equals(t.name) && index == t.index
        && Arrays.equals(shape, t.shape) && java.util.Objects.equals(requested, t.requested);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + index;
  }

  @Override
  public String toString() {
    return name + " " + Arrays.toString(shape);
  }
}
