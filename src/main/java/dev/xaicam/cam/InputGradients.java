package dev.xaicam.cam;

/**
 * dS/dx: the gradient of the target class's score S with respect to the network input x (the
 * preprocessed image) for one image, float32 as the network computed it, row-major H x W x C.
 *
 * <p>Guided backpropagation (Springenberg et al. 2015) gives the same type: there every ReLU's
 * backward pass lets through only positive gradients at positive inputs.
 *
 * @param height network input height H
 * @param width network input width W
 * @param channels network input channels C (3 for colour)
 * @param values length H*W*C
 */
public record InputGradients(int height, int width, int channels, float[] values) {

  /** Checks that the values fill the stated shape. */
  public InputGradients {
    if (height <= 0 || width <= 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "input gradient shape must be positive, got " + height + "x" + width + "x" + channels);
    }
    if (values == null || values.length != height * width * channels) {
      throw new IllegalArgumentException(
          "input gradients length " + (values == null ? "null" : values.length) + " != H*W*C = "
              + height * width * channels);
    }
  }

  /** For every pixel the largest |dS/dx| over its channels, row-major H x W. */
  double[] maxAbsOverChannels() {
    double[] map = new double[height * width];
    for (int p = 0; p < map.length; p++) {
      double max = 0;
      for (int k = 0; k < channels; k++) {
        max = Math.max(max, Math.abs((double) values[p * channels + k]));
      }
      map[p] = max;
    }
    return map;
  }
}
