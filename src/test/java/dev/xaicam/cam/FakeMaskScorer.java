package dev.xaicam.cam;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stand-in for the network: a mask's score is {@code bias + mean(image * mask)}
 * over a fixed pseudo-image; it records every call's batch size.
 */
final class FakeMaskScorer implements MaskScorer {

  /** Input rows. */
  private final int height;
  /** Input columns. */
  private final int width;
  /** Most masks per call the caller may pass. */
  private final int batchSize;
  /** The pseudo-image the masks multiply. */
  private final double[] image;
  /** Score of the all-zero mask. */
  private final double bias;
  /** Batch size of every call, in order. */
  final List<Integer> calls = new ArrayList<>();

  /** A scorer over the given pseudo-image. */
  FakeMaskScorer(int height, int width, int batchSize, double[] image, double bias) {
    this.height = height;
    this.width = width;
    this.batchSize = batchSize;
    this.image = image;
    this.bias = bias;
  }

  /** A scorer whose pseudo-image is 1 + (index mod 7) / 7 and whose bias is 0.1. */
  static FakeMaskScorer sized(int height, int width, int batchSize) {
    double[] image = new double[height * width];
    for (int i = 0; i < image.length; i++) {
      image[i] = 1 + (i % 7) / 7.0;
    }
    return new FakeMaskScorer(height, width, batchSize, image, 0.1);
  }

  /** The score of one mask, independent of what else shares its batch. */
  double scoreOf(float[] mask) {
    if (mask.length != image.length) {
      throw new AssertionError("mask length " + mask.length + " != " + image.length);
    }
    double sum = 0;
    for (int i = 0; i < mask.length; i++) {
      sum += image[i] * mask[i];
    }
    return bias + sum / mask.length;
  }

  /** Total masks scored over all calls. */
  int masksScored() {
    return calls.stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public int inputHeight() {
    return height;
  }

  @Override
  public int inputWidth() {
    return width;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public double[] score(float[][] masks) {
    if (masks.length > batchSize) {
      throw new AssertionError("batch of " + masks.length + " > batch size " + batchSize);
    }
    calls.add(masks.length);
    double[] scores = new double[masks.length];
    for (int i = 0; i < masks.length; i++) {
      scores[i] = scoreOf(masks[i]);
    }
    return scores;
  }
}
