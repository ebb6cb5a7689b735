package dev.xaicam.network;

/**
 * The element type a network computes in: float32 as Keras does, or float64 for reference maps
 * and finite-difference tests (2-4x slower, free of float32 round-off).
 */
public enum Precision {
  /** 4-byte floats, as Keras computes. */
  FLOAT32(4),
  /** 8-byte doubles. */
  FLOAT64(8);

  /** Bytes per element. */
  private final int bytes;

  /** An element type of {@code bytes} bytes. */
  Precision(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per element, for memory budgets. */
  public int bytes() {
    return bytes;
  }
}
