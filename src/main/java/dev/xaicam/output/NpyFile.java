package dev.xaicam.output;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a 2-D float32 array in NumPy's {@code .npy} format (version 1.0, little-endian,
 * C order), so {@code numpy.load} reads a heatmap back with shape {@code (rows, cols)}.
 *
 * <p>Hand-written: the format is a 10-byte preamble, a Python-dict header and raw data, and no
 * maintained Java library for it is on Maven Central in a form worth a dependency.
 */
final class NpyFile {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

  private NpyFile() {}

  /** The complete file bytes for a {@code rows x cols} float32 array. */
  static byte[] encode(float[] values, int rows, int cols) {
    ByteBuffer out = start("<f4", 4, values.length, rows, cols);
    out.asFloatBuffer().put(values);
    return out.array();
  }

  /** The complete file bytes for a {@code rows x cols} float64 array. */
  static byte[] encode(double[] values, int rows, int cols) {
    ByteBuffer out = start("<f8", 8, values.length, rows, cols);
    out.asDoubleBuffer().put(values);
    return out.array();
  }

  /** A buffer of the whole file holding the preamble and header, positioned at the data. */
  private static ByteBuffer start(String descr, int bytesPerValue, int count, int rows, int cols) {
    if (rows <= 0 || cols <= 0 || count != rows * cols) {
      throw new IllegalArgumentException(
          "npy shape (" + rows + ", " + cols + ") does not hold " + count + " values");
    }
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
    // The header (with its newline) is padded with spaces so that the data starts 64-byte aligned.
    int unpadded = MAGIC.length + 2 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out =
        ByteBuffer.allocate(MAGIC.length + 2 + headerBytes.length + bytesPerValue * count)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).putShort((short) headerBytes.length).put(headerBytes);
    return out;
  }
}
