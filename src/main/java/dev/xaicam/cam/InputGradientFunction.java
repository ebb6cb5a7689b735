package dev.xaicam.cam;

/**
 * dS/dx for network inputs a method makes itself (SmoothGrad's noisy copies), for one image and
 * one target class: each input runs forward and back down to the input.
 *
 * <p>Implementations batch internally; callers hand over at most {@link #batchSize()} inputs at a
 * time so memory stays bounded however many copies a method makes.
 */
public interface InputGradientFunction {

  /** Network input height H. */
  int height();

  /** Network input width W. */
  int width();

  /** Network input channels C. */
  int channels();

  /** The image's network input (preprocessed), row-major H x W x C; callers must not modify it. */
  float[] input();

  /** How many inputs one call should carry at most. */
  int batchSize();

  /**
   * dS/dx of the target class's score at each input, one H*W*C array per input.
   *
   * @param inputs each of length H*W*C, in the network's input space (preprocessed)
   */
  float[][] gradients(float[][] inputs);
}
