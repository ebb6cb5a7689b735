package dev.xaicam.keras;

import dev.xaicam.XaiCamException;
import dev.xaicam.network.WeightArray;
import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfInvalidPathException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The few HDF5 reads Keras files need, on top of jHDF: attributes as Keras writes them (byte or
 * text strings, split into numbered chunks when long), float32 datasets as {@link WeightArray}s,
 * and the truncation check.
 */
final class Hdf5Access {

  /** Not instantiable: static helpers only. */
  private Hdf5Access() {}

  /**
   * Fails when the file is shorter than its superblock's end-of-file address: the classic result
   * of an interrupted download or copy, which would otherwise surface as a confusing later error.
   * libhdf5 writes that address counting from the start of the file, user block included (a file
   * with a 512-byte user block and base address 512 records its full length), so the base
   * address is not added.
   */
  static void checkComplete(HdfFile hdf, Path file) {
    Superblock superblock = hdf.getHdfBackingStorage().getSuperblock();
    long expected = superblock.getEndOfFileAddress();
    long actual = hdf.size();
    if (actual < expected) {
      throw XaiCamException.setup(String.format(
          "%s: truncated HDF5 file: %,d bytes, its header says %,d (an interrupted download or copy?)",
          file, actual, expected));
    }
  }

  /** Whether {@code node} carries attribute {@code name} (directly or in Keras's chunked form). */
  static boolean hasAttribute(Node node, String name) {
    Map<String, Attribute> attributes = node.getAttributes();
    return attributes.containsKey(name) || attributes.containsKey(name + "0");
  }

  /**
   * An attribute's strings; empty when the attribute is absent or empty (h5py stores an empty
   * list as an empty float array, which jHDF returns as {@code null}). Keras splits long
   * attributes into {@code name0}, {@code name1}, ..., which are concatenated here.
   */
  static List<String> strings(Node node, String name) {
    Map<String, Attribute> attributes = node.getAttributes();
    List<String> out = new ArrayList<>();
    if (attributes.containsKey(name)) {
      collectStrings(attributes.get(name).getData(), out);
      return out;
    }
    for (int chunk = 0; attributes.containsKey(name + chunk); chunk++) {
      collectStrings(attributes.get(name + chunk).getData(), out);
    }
    return out;
  }

  /** A single-string attribute (byte or text string), or {@code null} when absent. */
  static String string(Node node, String name) {
    if (!node.getAttributes().containsKey(name)) {
      return null;
    }
    List<String> values = new ArrayList<>();
    collectStrings(node.getAttribute(name).getData(), values);
    return values.size() == 1 ? values.get(0) : null;
  }

  /** The child of {@code group} at the relative {@code path}, or {@code null}. */
  static Node child(Group group, String path) {
    try {
      return group.getByPath(path);
    } catch (HdfInvalidPathException e) {
      return null;
    }
  }

  /**
   * One float32 dataset as a flat row-major array with its shape.
   *
   * @param where the dataset's path for messages
   */
  static WeightArray readWeight(Path file, String where, Dataset dataset) {
    Class<?> type = dataset.getJavaType();
    if (type != float.class && type != Float.class) {
      throw XaiCamException.setup(file + ": dataset '" + where + "' holds "
          + type.getSimpleName() + " data, expected float32");
    }
    int[] shape = dataset.getDimensions();
    Object flat = dataset.isScalar() ? new float[] {(Float) dataset.getData()} : dataset.getDataFlat();
    return new WeightArray(shape.clone(), (float[]) flat);
  }

  /** A short description of a low-level failure: its message, or its type when it has none. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** Flattens String / String[] / byte strings / nested arrays into {@code out}; null adds nothing. */
  private static void collectStrings(Object data, List<String> out) {
    if (data == null) {
      return;
    }
    if (data instanceof String s) {
      out.add(trimNulls(s));
    } else if (data instanceof byte[] bytes) {
      out.add(trimNulls(new String(bytes, StandardCharsets.UTF_8)));
    } else if (data.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(data); i++) {
        collectStrings(Array.get(data, i), out);
      }
    } else {
      out.add(String.valueOf(data));
    }
  }

  /** Drops the NUL padding that fixed-length byte strings may carry. */
  private static String trimNulls(String s) {
    int end = s.indexOf('\0');
    return end < 0 ? s : s.substring(0, end);
  }
}
