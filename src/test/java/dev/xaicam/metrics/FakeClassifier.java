package dev.xaicam.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in model whose target probability is the image's mean value / 255 (or 1 minus that, for
 * one that likes dark images); it records every call's batch size and the images it saw.
 */
final class FakeClassifier implements Classifier {

  /** Input rows. */
  private final int height;
  /** Input columns. */
  private final int width;
  /** Input channels. */
  private final int channels;
  /** Most images per call the caller may pass. */
  private final int batchSize;
  /** Whether the probability is 1 - mean / 255 instead of mean / 255. */
  private final boolean likesDark;
  /** Batch size of every call, in order. */
  final List<Integer> calls = new ArrayList<>();
  /** Every image scored, in order. */
  final List<float[]> images = new ArrayList<>();

  /** A classifier for images of the given shape whose probability is mean / 255. */
  FakeClassifier(int height, int width, int channels, int batchSize) {
    this(height, width, channels, batchSize, false);
  }

  /** A classifier for images of the given shape, liking bright or dark images. */
  FakeClassifier(int height, int width, int channels, int batchSize, boolean likesDark) {
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.batchSize = batchSize;
    this.likesDark = likesDark;
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
  public int batchSize() {
    return batchSize;
  }

  @Override
  public double[] probabilities(float[][] batch) {
    if (batch.length > batchSize) {
      throw new AssertionError("batch of " + batch.length + " > batch size " + batchSize);
    }
    calls.add(batch.length);
    double[] out = new double[batch.length];
    for (int j = 0; j < batch.length; j++) {
      images.add(batch[j].clone());
      double sum = 0;
      for (float v : batch[j]) {
        sum += v;
      }
      double bright = sum / batch[j].length / 255;
      out[j] = likesDark ? 1 - bright : bright;
    }
    return out;
  }
}
