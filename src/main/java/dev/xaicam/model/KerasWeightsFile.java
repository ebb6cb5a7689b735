package dev.xaicam.model;

import dev.xaicam.XaiCamException;
import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfInvalidPathException;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes Keras HDF5 weight files ({@code model.save_weights(...)} / the files Keras
 * Applications downloads), driven only by the attributes Keras itself reads: the root's
 * {@code layer_names} and each layer group's {@code weight_names}.
 */
public final class KerasWeightsFile {

  /** The on-disk naming scheme of the weight datasets. */
  public enum Layout {
    /** Keras 1: datasets directly in the layer group, {@code <layer>_W_1:0} and {@code <layer>_b_1:0}. */
    LEGACY,
    /** Keras 2: datasets in a subgroup named after the layer, {@code <layer>/kernel:0}, {@code <layer>/bias:0}. */
    NESTED
  }

  /** The 8-byte signature every HDF5 superblock starts with. */
  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  /** Largest user-block offset probed for the signature; HDF5 places it at 0, 512, 1024, 2048, ... */
  private static final long MAX_SIGNATURE_OFFSET = 1L << 20;

  /** Group that full-model {@code model.save("x.h5")} files keep the weights in. */
  private static final String FULL_MODEL_GROUP = "model_weights";

  /** Keras version stamped on written files; Keras 1 naming pairs with a 1.x version so loaders agree. */
  private static final Map<Layout, String> KERAS_VERSION = Map.of(Layout.LEGACY, "1.2.2", Layout.NESTED, "2.15.0");

  /** Hint appended to every read failure. */
  private static final String READ_HINT =
      "give --weights a Keras HDF5 weight file (such as vgg16_weights_tf_dim_ordering_tf_kernels.h5); "
          + "a damaged file in the cache can be deleted and is downloaded again";

  /** Not instantiable: static file operations only. */
  private KerasWeightsFile() {}

  /**
   * Reads every layer's weights in the file's layer order.
   *
   * @throws XaiCamException (setup) naming the file when it is missing, not HDF5, not a Keras
   *     weight file, truncated, or holds non-float32 weights
   */
  public static ModelWeights read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw XaiCamException.setup(file + ": weight file not found; " + READ_HINT);
    }
    if (!hasHdf5Signature(file)) {
      throw XaiCamException.setup(file + ": not an HDF5 file; " + READ_HINT);
    }
    try (HdfFile hdf = new HdfFile(file)) {
      checkComplete(hdf, file);
      Group weightsGroup = findWeightsGroup(hdf, file);
      Map<String, List<WeightArray>> byLayer = new LinkedHashMap<>();
      for (String layer : stringsAttribute(weightsGroup, "layer_names")) {
        byLayer.put(layer, readLayer(file, weightsGroup, layer));
      }
      return new ModelWeights(byLayer);
    } catch (XaiCamException e) {
      throw e;
    } catch (RuntimeException e) {
      // jhdf reports truncation and corruption as assorted runtime exceptions (HdfException,
      // BufferUnderflowException, ...): one message fits them all.
      throw XaiCamException.setup(
          file + ": unreadable or truncated HDF5 file (" + describe(e) + "); " + READ_HINT, e);
    }
  }

  /**
   * Writes weights in one of Keras's layouts: to a temporary file beside {@code file}, then moved
   * into place atomically so readers never see a half-written file.
   *
   * <p>jHDF keeps every dataset in memory until the file is closed and wants nested Java arrays,
   * so writing needs about twice the weights' size in heap (about 1.1 GB for VGG16).
   *
   * @throws IllegalArgumentException when a layer has more than two weight arrays (no Keras name)
   * @throws XaiCamException (setup) when the file cannot be written
   */
  public static void write(Path file, ModelWeights weights, Layout layout) {
    for (Map.Entry<String, List<WeightArray>> e : weights.byLayer().entrySet()) {
      if (e.getValue().size() > 2) {
        throw new IllegalArgumentException("layer " + e.getKey() + " has " + e.getValue().size()
            + " weight arrays; only kernel and bias (at most 2) have Keras names");
      }
    }
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      // createFile honours the umask, unlike createTempFile's owner-only permissions.
      temp = Files.createFile(dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp"));
      try (WritableHdfFile hdf = HdfFile.write(temp)) {
        fill(hdf, weights, layout);
      }
      moveIntoPlace(temp, absolute);
      temp = null;
    } catch (IOException | RuntimeException e) {
      throw XaiCamException.setup(file + ": cannot write weight file (" + describe(e)
          + "); check free disk space and that the folder is writable", e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: the original failure is the one worth reporting.
        }
      }
    }
  }

  /** Puts the root attributes, layer groups and datasets of {@code layout} into {@code hdf}. */
  private static void fill(WritableHdfFile hdf, ModelWeights weights, Layout layout) {
    hdf.putAttribute("layer_names", weights.byLayer().keySet().toArray(String[]::new));
    hdf.putAttribute("backend", "tensorflow");
    hdf.putAttribute("keras_version", KERAS_VERSION.get(layout));
    for (Map.Entry<String, List<WeightArray>> e : weights.byLayer().entrySet()) {
      String layer = e.getKey();
      List<WeightArray> arrays = e.getValue();
      WritableGroup layerGroup = hdf.putGroup(layer);
      if (arrays.isEmpty()) {
        // jHDF 0.9.4 cannot write a zero-length attribute; Keras reads a missing
        // weight_names as "no weights", and so does read().
        continue;
      }
      WritableGroup holder = layout == Layout.NESTED ? layerGroup.putGroup(layer) : layerGroup;
      String[] weightNames = new String[arrays.size()];
      for (int i = 0; i < arrays.size(); i++) {
        String datasetName = datasetName(layer, i, layout);
        holder.putDataset(datasetName, nested(arrays.get(i)));
        weightNames[i] = layout == Layout.NESTED ? layer + "/" + datasetName : datasetName;
      }
      layerGroup.putAttribute("weight_names", weightNames);
    }
  }

  /** Keras's dataset name for weight {@code index} (0 kernel, 1 bias) of {@code layer}. */
  private static String datasetName(String layer, int index, Layout layout) {
    if (layout == Layout.LEGACY) {
      return layer + (index == 0 ? "_W_1:0" : "_b_1:0");
    }
    return index == 0 ? "kernel:0" : "bias:0";
  }

  /** The values as the nested Java array (or boxed scalar) whose shape jHDF derives the dataspace from. */
  static Object nested(WeightArray array) {
    int[] shape = array.shape();
    float[] values = array.values();
    if (shape.length == 0) {
      return values[0];
    }
    if (shape.length == 1) {
      return values;
    }
    Object root = Array.newInstance(float.class, shape);
    int rowLength = shape[shape.length - 1];
    int rows = values.length / rowLength;
    int[] index = new int[shape.length - 1];
    for (int row = 0; row < rows; row++) {
      Object target = root;
      for (int d = 0; d < index.length - 1; d++) {
        target = Array.get(target, index[d]);
      }
      float[] dest = (float[]) Array.get(target, index[index.length - 1]);
      System.arraycopy(values, row * rowLength, dest, 0, rowLength);
      for (int d = index.length - 1; d >= 0; d--) {
        if (++index[d] < shape[d]) {
          break;
        }
        index[d] = 0;
      }
    }
    return root;
  }

  /** Moves atomically, falling back to a plain replace where the file system cannot. */
  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Fails when the file is shorter than its superblock's end-of-file address: the classic result
   * of an interrupted download or copy, which would otherwise surface as a confusing later error.
   */
  private static void checkComplete(HdfFile hdf, Path file) {
    Superblock superblock = hdf.getHdfBackingStorage().getSuperblock();
    long expected = superblock.getBaseAddressByte() + superblock.getEndOfFileAddress();
    long actual = hdf.size();
    if (actual < expected) {
      throw XaiCamException.setup(String.format(
          "%s: truncated HDF5 file: %,d bytes, its header says %,d (an interrupted download or copy?); %s",
          file, actual, expected, READ_HINT));
    }
  }

  /** The root for plain weight files, or {@code model_weights} for Keras full-model files. */
  private static Group findWeightsGroup(HdfFile hdf, Path file) {
    if (hasAttribute(hdf, "layer_names")) {
      return hdf;
    }
    Node full = hdf.getChildren().get(FULL_MODEL_GROUP);
    if (full instanceof Group g && hasAttribute(g, "layer_names")) {
      return g;
    }
    throw XaiCamException.setup(file + ": HDF5 file without a 'layer_names' attribute, so not a Keras "
        + "weight file (nor a Keras full-model file); " + READ_HINT);
  }

  /** Reads the datasets {@code weight_names} lists for one layer, in that order. */
  private static List<WeightArray> readLayer(Path file, Group weightsGroup, String layer) {
    Node node = weightsGroup.getChildren().get(layer);
    if (!(node instanceof Group layerGroup)) {
      throw XaiCamException.setup(file + ": layer '" + layer + "' is listed in layer_names but has no group; "
          + READ_HINT);
    }
    List<WeightArray> arrays = new ArrayList<>();
    for (String weightName : stringsAttribute(layerGroup, "weight_names")) {
      Node weightNode;
      try {
        weightNode = layerGroup.getByPath(weightName);
      } catch (HdfInvalidPathException e) {
        weightNode = null;
      }
      if (!(weightNode instanceof Dataset dataset)) {
        throw XaiCamException.setup(file + ": dataset '" + layer + "/" + weightName
            + "' listed in weight_names is missing; " + READ_HINT);
      }
      arrays.add(readDataset(file, layer, weightName, dataset));
    }
    return arrays;
  }

  /** One float32 dataset as a flat row-major array with its shape. */
  private static WeightArray readDataset(Path file, String layer, String weightName, Dataset dataset) {
    Class<?> type = dataset.getJavaType();
    if (type != float.class && type != Float.class) {
      throw XaiCamException.setup(file + ": dataset '" + layer + "/" + weightName + "' holds "
          + type.getSimpleName() + " data, expected float32; " + READ_HINT);
    }
    int[] shape = dataset.getDimensions();
    Object flat = dataset.isScalar() ? new float[] {(Float) dataset.getData()} : dataset.getDataFlat();
    return new WeightArray(shape.clone(), (float[]) flat);
  }

  /** Whether {@code node} carries attribute {@code name} (directly or in Keras's chunked form). */
  private static boolean hasAttribute(Node node, String name) {
    Map<String, Attribute> attributes = node.getAttributes();
    return attributes.containsKey(name) || attributes.containsKey(name + "0");
  }

  /**
   * An attribute's strings; empty when the attribute is absent or empty. Keras splits long
   * attributes into {@code name0}, {@code name1}, ..., which are concatenated here.
   */
  static List<String> stringsAttribute(Node node, String name) {
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

  /** Flattens String / String[] / byte strings / nested arrays into {@code out}; null adds nothing. */
  private static void collectStrings(Object data, List<String> out) {
    if (data == null) {
      return;
    }
    if (data instanceof String s) {
      out.add(s);
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

  /** Whether the HDF5 signature sits at offset 0 or at a power-of-two user-block offset. */
  private static boolean hasHdf5Signature(Path file) {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      long size = channel.size();
      ByteBuffer head = ByteBuffer.allocate(HDF5_SIGNATURE.length);
      for (long offset = 0; offset + HDF5_SIGNATURE.length <= size && offset <= MAX_SIGNATURE_OFFSET;
          offset = offset == 0 ? 512 : offset * 2) {
        head.clear();
        channel.position(offset);
        while (head.hasRemaining() && channel.read(head) > 0) {
          // Fill the buffer: a channel may return fewer bytes than asked.
        }
        if (!head.hasRemaining() && Arrays.equals(head.array(), HDF5_SIGNATURE)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw XaiCamException.setup(file + ": cannot read weight file (" + describe(e) + "); " + READ_HINT, e);
    }
  }

  /** A short description of a low-level failure: its message, or its type when it has none. */
  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
