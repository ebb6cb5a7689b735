package dev.xaicam.network;

import dev.xaicam.cam.InputGradientFunction;

/**
 * SmoothGrad's {@link InputGradientFunction} over a {@link GraphNetwork}: the inputs it is handed
 * (noisy copies of one image) run forward and back down to the input, a few at a time.
 */
final class GraphInputGradients implements InputGradientFunction {
  /** The network. */
  private final GraphNetwork network;
  /** The image's preprocessed input, H*W*C. */
  private final float[] image;
  /** The class whose score is differentiated. */
  private final int targetClass;
  /** Inputs the caller hands over per call. */
  private final int batchSize;
  /** Inputs per forward pass: the batch size, capped so node outputs stay within the budget. */
  private final int inputsPerPass;

  /** A function over an already checked image, class and batch size. */
  GraphInputGradients(GraphNetwork network, float[] image, int targetClass, int batchSize) {
    this.network = network;
    this.image = image;
    this.targetClass = targetClass;
    this.batchSize = batchSize;
    long perImage = (long) network.precision().bytes() * network.graph().largestOutputPerImage();
    this.inputsPerPass = (int) Math.max(1,
        Math.min(batchSize, GraphMaskScorer.ACTIVATION_BUDGET_BYTES / perImage));
  }

  @Override
  public int height() {
    return network.graph().inputShape()[0];
  }

  @Override
  public int width() {
    return network.graph().inputShape()[1];
  }

  @Override
  public int channels() {
    return network.graph().inputShape()[2];
  }

  @Override
  public float[] input() {
    return image;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public float[][] gradients(float[][] inputs) {
    int size = image.length;
    float[][] out = new float[inputs.length][];
    for (int start = 0; start < inputs.length; start += inputsPerPass) {
      int n = Math.min(inputsPerPass, inputs.length - start);
      float[] flat = new float[n * size];
      int[] classes = new int[n];
      for (int j = 0; j < n; j++) {
        if (inputs[start + j].length != size) {
          throw new IllegalArgumentException("input " + (start + j) + " must hold " + size
              + " values, got " + inputs[start + j].length);
        }
        System.arraycopy(inputs[start + j], 0, flat, j * size, size);
        classes[j] = targetClass;
      }
      float[][] g = network.inputGradients(flat, n, classes);
      System.arraycopy(g, 0, out, start, n);
    }
    return out;
  }
}
