package dev.xaicam.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpyFileTest {

  @Test
  void headerFollowsNpyVersion1AndAlignsDataTo64Bytes() {
    byte[] bytes = NpyFile.encode(new float[] {1f, -2.5f, 0f, 3f, 4f, 5f}, 2, 3);
    assertThat(bytes[0]).isEqualTo((byte) 0x93);
    assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
    assertThat(bytes[6]).isEqualTo((byte) 1);
    assertThat(bytes[7]).isEqualTo((byte) 0);
    int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }");
    assertThat(header).endsWith("\n");
    assertThat((10 + headerLength) % 64).isZero();
    assertThat(bytes.length).isEqualTo(10 + headerLength + 6 * 4);
  }

  @Test
  void dataIsLittleEndianFloat32InRowMajorOrder() {
    float[] values = {1f, -2.5f, 0f, 3f, 4f, 5.25f};
    byte[] bytes = NpyFile.encode(values, 3, 2);
    int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 24).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      assertThat(data.getFloat()).isEqualTo(v);
    }
  }

  @Test
  void float64ArraysSayF8AndKeepEveryBit() {
    double[] values = {1e-300, -2.5, Math.PI, 1e300};
    byte[] bytes = NpyFile.encode(values, 2, 2);
    int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }");
    assertThat((10 + headerLength) % 64).isZero();
    assertThat(bytes.length).isEqualTo(10 + headerLength + 4 * 8);
    ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 32).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      assertThat(data.getDouble()).isEqualTo(v);
    }
  }

  @Test
  void rejectsAShapeThatDoesNotHoldTheValues() {
    assertThatThrownBy(() -> NpyFile.encode(new float[5], 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(2, 3)")
        .hasMessageContaining("5 values");
  }
}
