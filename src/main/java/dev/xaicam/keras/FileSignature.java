package dev.xaicam.keras;

import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What container a file is, judged by its bytes rather than its name: Keras writes HDF5 and zip
 * files under both the {@code .h5} and {@code .keras} extensions.
 */
enum FileSignature {
  /** An HDF5 file: the signature at offset 0 or after a user block. */
  HDF5,
  /** A zip archive (Keras 3's {@code .keras} format). */
  ZIP,
  /** Neither. */
  OTHER;

  /** The 8-byte signature every HDF5 superblock starts with. */
  private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  /** A zip file's first local file header. */
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  /**
   * Largest user-block offset probed for the HDF5 signature; the HDF5 specification places the
   * superblock at 0, 512, 1024, 2048, ... and real user blocks are small.
   */
  private static final long MAX_HDF5_OFFSET = 1L << 20;

  /** Reads the first bytes (and the HDF5 user-block offsets) of {@code file}. */
  static FileSignature of(Path file) {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      if (matchesAt(channel, 0, ZIP_MAGIC)) {
        return ZIP;
      }
      for (long offset = 0; offset <= MAX_HDF5_OFFSET; offset = offset == 0 ? 512 : offset * 2) {
        if (matchesAt(channel, offset, HDF5_MAGIC)) {
          return HDF5;
        }
      }
      return OTHER;
    } catch (IOException e) {
      throw XaiCamException.setup(file + ": cannot read the file (" + Hdf5Access.describe(e) + ")", e);
    }
  }

  /** Whether {@code magic} sits at {@code offset} (false when the file is shorter). */
  private static boolean matchesAt(SeekableByteChannel channel, long offset, byte[] magic)
      throws IOException {
    if (offset + magic.length > channel.size()) {
      return false;
    }
    ByteBuffer head = ByteBuffer.allocate(magic.length);
    channel.position(offset);
    while (head.hasRemaining() && channel.read(head) > 0) {
      // Fill the buffer: a channel may return fewer bytes than asked.
    }
    return !head.hasRemaining() && Arrays.equals(head.array(), magic);
  }
}
