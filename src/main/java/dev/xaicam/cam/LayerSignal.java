package dev.xaicam.cam;

import java.util.Arrays;

/**
 * What a CAM method reads at the target layer for one image and one target class.
 *
 * <p>Arrays hold the values in the network's precision (a float32 network's values widened
 * exactly, a float64 network's as computed, so {@code --float64} reaches the CAM arithmetic),
 * row-major H x W x C (channels last, as in Keras). Methods do their arithmetic in double
 * precision.
 *
 * @param height spatial height H of the target layer output
 * @param width spatial width W of the target layer output
 * @param channels channel count C of the target layer output
 * @param activations A, the target layer's post-activation output, length H*W*C
 * @param gradients dS/dA for the target logit S, length H*W*C, or {@code null} when the caller
 *     did not run a backward pass (Score-CAM needs none)
 * @param targetClass index of the class whose score S is explained
 * @param targetLogit S, the target class's pre-softmax score
 */
public record LayerSignal(
    int height,
    int width,
    int channels,
    double[] activations,
    double[] gradients,
    int targetClass,
    double targetLogit) {

  /** Checks sizes so that every method may index A and dS/dA without further checks. */
  public LayerSignal {
    if (height <= 0 || width <= 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "layer shape must be positive, got " + height + "x" + width + "x" + channels);
    }
    int size = height * width * channels;
    if (activations == null || activations.length != size) {
      throw new IllegalArgumentException(
          "activations length " + (activations == null ? "null" : activations.length)
              + " != H*W*C = " + size);
    }
    if (gradients != null && gradients.length != size) {
      throw new IllegalArgumentException(
          "gradients length " + gradients.length + " != H*W*C = " + size);
    }
  }

  /** A signal of float32 values, widened exactly. */
  public LayerSignal(int height, int width, int channels, float[] activations, float[] gradients,
      int targetClass, double targetLogit) {
    this(height, width, channels, widen(activations), widen(gradients), targetClass,
        targetLogit);
  }

  /** The floats as doubles; null stays null. */
  private static double[] widen(float[] values) {
    if (values == null) {
      return null;
    }
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /** A[y, x, c]. */
  public double activation(int y, int x, int c) {
    return activations[(y * width + x) * channels + c];
  }

  /** dS/dA[y, x, c]; fails when no gradients were computed. */
  public double gradient(int y, int x, int c) {
    if (gradients == null) {
      throw new IllegalStateException("this signal carries no gradients");
    }
    return gradients[(y * width + x) * channels + c];
  }

  /** Whether a backward pass filled {@link #gradients()}. */
  public boolean hasGradients() {
    return gradients != null;
  }

  @Override
  public String toString() {
    return "LayerSignal[" + height + "x" + width + "x" + channels + ", class " + targetClass
        + ", logit " + targetLogit + ", gradients " + hasGradients() + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LayerSignal s
        && height == s.height && width == s.width && channels == s.channels
        && targetClass == s.targetClass
        && Double.compare(targetLogit, s.targetLogit) == 0
        && Arrays.equals(activations, s.activations)
        && Arrays.equals(gradients, s.gradients);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(activations) + Arrays.hashCode(gradients) + targetClass;
  }
}
