package dev.xaicam.engine;

/**
 * TensorFlow's padding schemes for convolution and pooling, which Keras's {@code padding} config
 * selects. {@code SAME} pads so the output has ceil(in / stride) positions, splitting the padding
 * with the extra cell at the bottom/right (asymmetric for even totals, as Keras computes it).
 */
public enum Padding {
  /** Output ceil(in / stride); zero padding (or ignored cells for pooling) around the border. */
  SAME,
  /** No padding: only windows that fit entirely inside the input. */
  VALID;

  /**
   * Output length along one axis of {@code in} cells for a window of {@code window} cells spread
   * by {@code dilation}, moved by {@code stride}; 0 when no window fits (VALID).
   */
  public int outputSize(int in, int window, int stride, int dilation) {
    if (this == SAME) {
      return (in + stride - 1) / stride;
    }
    int effective = (window - 1) * dilation + 1;
    return in < effective ? 0 : (in - effective) / stride + 1;
  }
}
