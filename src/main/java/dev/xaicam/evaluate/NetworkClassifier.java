package dev.xaicam.evaluate;

import dev.xaicam.image.ModelInput;
import dev.xaicam.metrics.Classifier;
import dev.xaicam.network.GraphNetwork;

/**
 * The network as the metrics see it: 0..255 pixels at the model's size ({@link
 * ModelInput#pixels}' layout) preprocessed as the model wants, and the target class's softmax
 * probability back.
 */
final class NetworkClassifier implements Classifier {
  /** The network. */
  private final GraphNetwork network;
  /** The model's input conversion. */
  private final ModelInput input;
  /** The class whose probability comes back. */
  private final int targetClass;
  /** Images per forward pass. */
  private final int batchSize;

  /** A classifier of {@code targetClass} on {@code network}, {@code batchSize} images a pass. */
  NetworkClassifier(GraphNetwork network, ModelInput input, int targetClass, int batchSize) {
    this.network = network;
    this.input = input;
    this.targetClass = targetClass;
    this.batchSize = batchSize;
  }

  @Override
  public int height() {
    return input.height();
  }

  @Override
  public int width() {
    return input.width();
  }

  @Override
  public int channels() {
    return input.channels();
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public double[] probabilities(float[][] images) {
    int size = input.size();
    float[] flat = new float[images.length * size];
    for (int i = 0; i < images.length; i++) {
      System.arraycopy(input.fromPixels(images[i]), 0, flat, i * size, size);
    }
    double[][] p = network.exactProbabilities(flat, images.length);
    double[] out = new double[images.length];
    for (int i = 0; i < images.length; i++) {
      out[i] = p[i][targetClass];
    }
    return out;
  }
}
