package dev.xaicam.cam;

/**
 * Score-CAM's forward passes for one image and one target class: each mask multiplies the
 * image's preprocessed network input, and the network's softmax probability of the target class
 * for that masked input comes back.
 *
 * <p>Implementations batch internally; callers hand over at most {@link #batchSize()} masks at a
 * time so memory stays bounded however many channels the layer has.
 */
public interface MaskScorer {

  /** Network input height, the size every mask must have. */
  int inputHeight();

  /** Network input width, the size every mask must have. */
  int inputWidth();

  /** How many masks one call should carry at most (the network's batch size). */
  int batchSize();

  /**
   * Target-class probabilities of the masked inputs, one per mask.
   *
   * @param masks each of length inputHeight*inputWidth, row-major, values normally in [0, 1];
   *     the mask is broadcast over the input's colour channels
   */
  double[] score(float[][] masks);
}
