package dev.xaicam.cam;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a network's input gradients: the score is S(x) = sum_i (w_i x_i + q_i x_i^2 / 2),
 * so dS/dx_i = w_i + q_i x_i. It keeps every input it was asked about and every call's size.
 */
final class FakeInputGradientFunction implements InputGradientFunction {

  /** Input rows. */
  private final int height;
  /** Input columns. */
  private final int width;
  /** Input channels. */
  private final int channels;
  /** The image's own input x. */
  private final float[] input;
  /** The linear coefficients w. */
  private final double[] linear;
  /** The quadratic coefficients q. */
  private final double[] quadratic;
  /** Most inputs per call the caller may pass. */
  private final int batchSize;
  /** Every input passed, in order. */
  final List<float[]> inputs = new ArrayList<>();
  /** Batch size of every call, in order. */
  final List<Integer> calls = new ArrayList<>();

  /** A function with the given shape, input and coefficients (all length H*W*C). */
  FakeInputGradientFunction(
      int height,
      int width,
      int channels,
      float[] input,
      double[] linear,
      double[] quadratic,
      int batchSize) {
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.input = input;
    this.linear = linear;
    this.quadratic = quadratic;
    this.batchSize = batchSize;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public float[] input() {
    return input;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public float[][] gradients(float[][] batch) {
    if (batch.length > batchSize) {
      throw new AssertionError("batch of " + batch.length + " > batch size " + batchSize);
    }
    calls.add(batch.length);
    float[][] out = new float[batch.length][];
    for (int j = 0; j < batch.length; j++) {
      inputs.add(batch[j].clone());
      out[j] = new float[batch[j].length];
      for (int i = 0; i < batch[j].length; i++) {
        out[j][i] = (float) (linear[i] + quadratic[i] * batch[j][i]);
      }
    }
    return out;
  }
}
