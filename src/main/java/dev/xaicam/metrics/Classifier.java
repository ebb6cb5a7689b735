package dev.xaicam.metrics;

/**
 * The model as the metrics see it, for one target class: a batch of images in, the target
 * class's softmax probability for each out.
 *
 * <p>Images are {@link InputImage}'s layout: H x W x C floats, row-major, RGB in the model's
 * 0..255 pixel space, at the model's input size; the implementation applies the model's
 * preprocessing. Callers hand over at most {@link #batchSize()} images at a time.
 */
public interface Classifier {

  /** Input height H every image must have. */
  int height();

  /** Input width W every image must have. */
  int width();

  /** Input channels C every image must have (3 for RGB). */
  int channels();

  /** How many images one call should carry at most. */
  int batchSize();

  /**
   * The target class's probability for each image.
   *
   * @param images each of length H*W*C in {@link InputImage}'s layout
   */
  double[] probabilities(float[][] images);
}
