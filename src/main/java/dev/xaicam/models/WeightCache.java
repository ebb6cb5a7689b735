package dev.xaicam.models;

import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import dev.xaicam.TemporaryFile;
import dev.xaicam.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A native-ready copy of a weight file: every array as raw little-endian float32 at a 64-byte
 * aligned offset, memory-mapped on load so TensorFlow reads the weights in place. Reading VGG16's
 * HDF5 file and copying it into tensors costs seconds per run; mapping this file costs
 * milliseconds, and the pages are the page cache's, shared by every run.
 *
 * <p>Layout: the magic {@code XAICAMW1}, the header's length (int), then the header
 * ({@link DataOutputStream} encoding: the source file's absolute path, size and modification
 * time, then per layer its name and arrays, each as rank, dimensions and data offset), then the
 * data. A cache is used only when it names the same source with the same size and modification
 * time and has exactly the size its header implies; otherwise it is rebuilt from the source.
 * Writing goes through {@link TemporaryFile}, so a killed conversion leaves no half file.
 */
public final class WeightCache {
  /** How every cache file's name ends. */
  static final String FILE_SUFFIX = ".f32";
  /** First bytes of every cache file (format version 1). */
  private static final byte[] MAGIC = "XAICAMW1".getBytes(StandardCharsets.US_ASCII);
  /** TensorFlow reads a buffer in place only at this alignment (Eigen's); it copies otherwise. */
  private static final int ALIGNMENT = 64;
  /** Floats copied per write, bounding the writer's buffer at 4 MB. */
  private static final int CHUNK_FLOATS = 1 << 20;

  /** The folder holding cache files. */
  private final Path folder;

  /** A cache in {@code folder} (created when first written). */
  public WeightCache(Path folder) {
    this.folder = folder;
  }

  /** The cache file for {@code source}: its name plus a hash of its absolute path. */
  public Path fileFor(Path source) {
    Path absolute = source.toAbsolutePath().normalize();
    return folder.resolve(absolute.getFileName() + "." + pathHash(absolute) + FILE_SUFFIX);
  }

  /**
   * The weights of {@code source}: mapped from the cache when it is current, else read with
   * {@code reader}, checked with {@code check}, written to the cache and mapped from it. When the
   * cache cannot be written (a read-only folder, a full disk) the weights just read are returned.
   *
   * @param reader reads the source file (the slow path)
   * @param check refuses weights that must not be cached (not finite)
   */
  public ModelWeights load(Path source, Function<Path, ModelWeights> reader,
      Consumer<ModelWeights> check) {
    Path cacheFile = fileFor(source);
    SourceStamp stamp = SourceStamp.of(source);
    if (stamp != null) {
      ModelWeights cached = map(cacheFile, stamp);
      if (cached != null) {
        return cached;
      }
    }
    ModelWeights weights = reader.apply(source);
    check.accept(weights);
    if (stamp == null) {
      return weights;
    }
    try {
      write(cacheFile, stamp, weights);
    } catch (IOException e) {
      // A cache is an optimisation: without one every run reads the source, slower but right.
      return weights;
    }
    ModelWeights mapped = map(cacheFile, stamp);
    return mapped != null ? mapped : weights;
  }

  /** The source file's identity as the cache records it. */
  record SourceStamp(String path, long size, long modifiedMillis) {
    /** The stamp of {@code source} now, or null when it cannot be read. */
    static SourceStamp of(Path source) {
      try {
        Path absolute = source.toAbsolutePath().normalize();
        return new SourceStamp(absolute.toString(), Files.size(absolute),
            Files.getLastModifiedTime(absolute).toMillis());
      } catch (IOException e) {
        return null;
      }
    }
  }

  /** The cached weights mapped into memory, or null when the file is absent, stale or damaged. */
  ModelWeights map(Path cacheFile, SourceStamp expected) {
    if (!Files.isRegularFile(cacheFile)) {
      return null;
    }
    try (FileChannel channel = FileChannel.open(cacheFile, StandardOpenOption.READ)) {
      ByteBuffer lead = ByteBuffer.allocate(MAGIC.length + Integer.BYTES);
      if (channel.read(lead, 0) != lead.capacity()) {
        return null;
      }
      lead.flip();
      byte[] magic = new byte[MAGIC.length];
      lead.get(magic);
      int headerLength = lead.getInt();
      if (!java.util.Arrays.equals(magic, MAGIC) || headerLength <= 0
          || headerLength > channel.size() - lead.capacity()) {
        return null;
      }
      ByteBuffer header = ByteBuffer.allocate(headerLength);
      if (channel.read(header, lead.capacity()) != headerLength) {
        return null;
      }
      DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(header.array()));
      SourceStamp stamp = new SourceStamp(in.readUTF(), in.readLong(), in.readLong());
      if (!stamp.equals(expected)) {
        return null;
      }
      Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
      long end = lead.capacity() + headerLength;
      int layers = in.readInt();
      for (int l = 0; l < layers; l++) {
        String name = in.readUTF();
        int count = in.readInt();
        List<WeightArray> arrays = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
          int[] shape = new int[in.readInt()];
          long floats = 1;
          for (int d = 0; d < shape.length; d++) {
            shape[d] = in.readInt();
            floats *= shape[d];
          }
          long offset = in.readLong();
          long bytes = floats * Float.BYTES;
          if (offset < end || bytes > Integer.MAX_VALUE || offset + bytes > channel.size()) {
            return null;
          }
          // Read-only is safe: TensorFlow writes into an input buffer only when it holds the sole
          // reference, and the weight tensor's handle always holds one.
          ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, offset, bytes)
              .order(ByteOrder.LITTLE_ENDIAN);
          arrays.add(WeightArray.mapped(shape, data));
          end = offset + bytes;
        }
        byLayer.put(name, arrays);
      }
      return end == channel.size() ? new ModelWeights(byLayer) : null;
    } catch (IOException | RuntimeException e) {
      // A damaged or foreign file is rebuilt, never trusted.
      return null;
    }
  }

  /** Writes {@code weights} as the cache of the source {@code stamp} names, atomically. */
  void write(Path cacheFile, SourceStamp stamp, ModelWeights weights) throws IOException {
    ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
    DataOutputStream header = new DataOutputStream(headerBytes);
    header.writeUTF(stamp.path());
    header.writeLong(stamp.size());
    header.writeLong(stamp.modifiedMillis());
    header.writeInt(weights.byLayer().size());
    // The offsets depend on the header's length, which the offsets' fixed width keeps known.
    long headerLength = headerLength(stamp, weights);
    long offset = align(MAGIC.length + Integer.BYTES + headerLength);
    List<Long> offsets = new ArrayList<>();
    for (Map.Entry<String, List<WeightArray>> e : weights.byLayer().entrySet()) {
      header.writeUTF(e.getKey());
      header.writeInt(e.getValue().size());
      for (WeightArray a : e.getValue()) {
        header.writeInt(a.shape().length);
        for (int d : a.shape()) {
          header.writeInt(d);
        }
        header.writeLong(offset);
        offsets.add(offset);
        offset = align(offset + (long) a.size() * Float.BYTES);
      }
    }
    header.flush();
    if (headerBytes.size() != headerLength) {
      throw new IllegalStateException("cache header length " + headerBytes.size() + " != " + headerLength);
    }
    try (TemporaryFile temp = TemporaryFile.createIn(folder)) {
      try (FileChannel out = FileChannel.open(temp.path(), StandardOpenOption.WRITE)) {
        ByteBuffer lead = ByteBuffer.allocate(MAGIC.length + Integer.BYTES);
        lead.put(MAGIC).putInt((int) headerLength).flip();
        writeFully(out, lead, 0);
        writeFully(out, ByteBuffer.wrap(headerBytes.toByteArray()), MAGIC.length + Integer.BYTES);
        ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int k = 0;
        for (List<WeightArray> arrays : weights.byLayer().values()) {
          for (WeightArray a : arrays) {
            float[] values = a.values();
            long position = offsets.get(k++);
            for (int from = 0; from < values.length; from += CHUNK_FLOATS) {
              int n = Math.min(CHUNK_FLOATS, values.length - from);
              chunk.clear();
              chunk.asFloatBuffer().put(values, from, n);
              chunk.limit(n * Float.BYTES);
              writeFully(out, chunk, position);
              position += (long) n * Float.BYTES;
            }
          }
        }
        // The last array's padding is not written: the file ends where its data ends.
        out.truncate(offsets.isEmpty() ? align(MAGIC.length + Integer.BYTES + headerLength)
            : lastEnd(weights, offsets));
        out.force(false);
      }
      temp.moveTo(cacheFile);
    }
  }

  /** Where the last array's data ends. */
  private static long lastEnd(ModelWeights weights, List<Long> offsets) {
    WeightArray last = null;
    for (List<WeightArray> arrays : weights.byLayer().values()) {
      for (WeightArray a : arrays) {
        last = a;
      }
    }
    return offsets.get(offsets.size() - 1) + (long) last.size() * Float.BYTES;
  }

  /** The header's length in bytes for these weights. */
  private static long headerLength(SourceStamp stamp, ModelWeights weights) throws IOException {
    long n = utfLength(stamp.path()) + 2 * Long.BYTES + Integer.BYTES;
    for (Map.Entry<String, List<WeightArray>> e : weights.byLayer().entrySet()) {
      n += utfLength(e.getKey()) + Integer.BYTES;
      for (WeightArray a : e.getValue()) {
        n += Integer.BYTES + (long) a.shape().length * Integer.BYTES + Long.BYTES;
      }
    }
    return n;
  }

  /** Bytes {@link DataOutputStream#writeUTF} takes for {@code s}. */
  private static long utfLength(String s) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    new DataOutputStream(b).writeUTF(s);
    return b.size();
  }

  /** {@code n} rounded up to the alignment. */
  private static long align(long n) {
    return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }

  /** Writes all of {@code buffer} at {@code position}. */
  private static void writeFully(FileChannel out, ByteBuffer buffer, long position) throws IOException {
    long p = position;
    while (buffer.hasRemaining()) {
      p += out.write(buffer, p);
    }
  }

  /** The first 16 hex digits of the SHA-256 of {@code path}: one cache per source file. */
  private static String pathHash(Path path) {
    return Sha256.hexOf(path.toString()).substring(0, 16);
  }
}
