package dev.xaicam.keras;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recognising containers by their bytes. */
class FileSignatureTest {

  /** The HDF5 signature. */
  private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  /** Fresh folder per test. */
  @TempDir Path dir;

  /** HDF5 at offset 0 and after 512- and 2048-byte user blocks; not at other offsets. */
  @Test
  void findsHdf5SignatureAtUserBlockOffsets() throws IOException {
    assertThat(FileSignature.of(withSignatureAt(0))).isEqualTo(FileSignature.HDF5);
    assertThat(FileSignature.of(withSignatureAt(512))).isEqualTo(FileSignature.HDF5);
    assertThat(FileSignature.of(withSignatureAt(2048))).isEqualTo(FileSignature.HDF5);
    assertThat(FileSignature.of(withSignatureAt(100))).isEqualTo(FileSignature.OTHER);
  }

  /** A zip's local header; an empty file; a short text. */
  @Test
  void tellsZipFromOther() throws IOException {
    Path zip = Files.write(dir.resolve("a.h5"), new byte[] {'P', 'K', 3, 4, 0, 0});
    Path empty = Files.write(dir.resolve("empty"), new byte[0]);
    Path text = Files.writeString(dir.resolve("t.keras"), "PK");

    assertThat(FileSignature.of(zip)).isEqualTo(FileSignature.ZIP);
    assertThat(FileSignature.of(empty)).isEqualTo(FileSignature.OTHER);
    assertThat(FileSignature.of(text)).isEqualTo(FileSignature.OTHER);
  }

  /** A 4 KB file of zeros with the HDF5 signature at {@code offset}. */
  private Path withSignatureAt(int offset) throws IOException {
    byte[] bytes = new byte[4096];
    System.arraycopy(HDF5, 0, bytes, offset, HDF5.length);
    return Files.write(dir.resolve("at" + offset), bytes);
  }
}
