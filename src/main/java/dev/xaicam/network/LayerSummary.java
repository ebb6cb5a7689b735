package dev.xaicam.network;

import java.util.Arrays;
import java.util.List;

/**
 * One layer as {@code xai-cam layers} shows it, like a line of Keras's {@code model.summary()}.
 *
 * @param name full (path-qualified) node name
 * @param className Keras class name
 * @param outputShape per-image output shape
 * @param parameterCount scalars in the layer's weights
 * @param nesting enclosing nested models, outermost first (empty at top level)
 * @param defaultTarget whether this is the layer CAMs explain by default
 */
public record LayerSummary(String name, String className, int[] outputShape, long parameterCount,
    List<String> nesting, boolean defaultTarget) {

  /** Copies the arrays so the record stays immutable. */
  public LayerSummary {
    outputShape = outputShape.clone();
    nesting = List.copyOf(nesting);
  }

  /** A copy of the per-image output shape. */
  @Override
  public int[] outputShape() {
    return outputShape.clone();
  }

  /** The output shape as Keras prints it, batch axis included: {@code (None, 14, 14, 512)}. */
  public String shapeText() {
    StringBuilder sb = new StringBuilder("(None");
    for (int d : outputShape) {
      sb.append(", ").append(d);
    }
    return sb.append(")").toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LayerSummary s && name.equals(s.name) && className.equals(s.className)
        && Arrays.equals(outputShape, s.outputShape) && parameterCount == s.parameterCount
        && nesting.equals(s.nesting) && defaultTarget == s.defaultTarget;
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(outputShape);
  }

  @Override
  public String toString() {
    return name + " " + className + " " + shapeText() + " " + parameterCount
        + (defaultTarget ? " (default target)" : "");
  }
}
