package dev.xaicam.keras;

import dev.xaicam.TemporaryFile;
import dev.xaicam.XaiCamException;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes weights-only HDF5 files in Keras's legacy layouts (what {@code model.save_weights(...)}
 * wrote in Keras 1 and 2), which {@link KerasModelFile#readWeightsOnly} reads back: the root's
 * {@code layer_names} and each layer group's {@code weight_names}, for the layers with weights.
 */
public final class KerasWeightsWriter {

  /** The on-disk naming scheme of the weight datasets. */
  public enum Layout {
    /** Keras 1: datasets directly in the layer group, {@code <layer>_W_1:0} and {@code <layer>_b_1:0}. */
    LEGACY,
    /** Keras 2: datasets in a subgroup named after the layer, {@code <layer>/kernel:0}, {@code <layer>/bias:0}. */
    NESTED
  }

  /** Keras version stamped on written files; Keras 1 naming pairs with a 1.x version so loaders agree. */
  private static final Map<Layout, String> KERAS_VERSION = Map.of(Layout.LEGACY, "1.2.2", Layout.NESTED, "2.15.0");

  /** Not instantiable: static file operations only. */
  private KerasWeightsWriter() {}

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
    writeFile(file, weights, layout, Map.of());
  }

  /**
   * Writes weights in Keras 2's nested layout with each dataset named after its role
   * ({@code <layer>/gamma:0}, {@code <layer>/moving_mean:0}, ...), as Keras Applications' weight
   * files name BatchNormalization and depthwise weights.
   *
   * @param roles per layer, the role of each array in order ({@code ModelGraph.weightRoles()})
   * @throws IllegalArgumentException when a layer's arrays and roles differ in number
   * @throws XaiCamException (setup) when the file cannot be written
   */
  public static void writeNamed(Path file, ModelWeights weights,
      Map<String, List<String>> roles) {
    for (Map.Entry<String, List<WeightArray>> e : weights.byLayer().entrySet()) {
      int named = roles.getOrDefault(e.getKey(), List.of()).size();
      if (e.getValue().size() != named) {
        throw new IllegalArgumentException("layer " + e.getKey() + " has " + e.getValue().size()
            + " weight arrays but " + named + " roles");
      }
    }
    writeFile(file, weights, Layout.NESTED, roles);
  }

  /** Writes the file through a temporary beside it; {@code roles} empty: kernel and bias. */
  private static void writeFile(Path file, ModelWeights weights, Layout layout,
      Map<String, List<String>> roles) {
    Path absolute = file.toAbsolutePath();
    try (TemporaryFile temp = TemporaryFile.createIn(absolute.getParent())) {
      try (WritableHdfFile hdf = HdfFile.write(temp.path())) {
        fill(hdf, weights, layout, roles);
      }
      temp.moveTo(absolute);
    } catch (IOException | RuntimeException e) {
      throw XaiCamException.setup(file + ": cannot write weight file (" + Hdf5Access.describe(e)
          + "); check free disk space and that the folder is writable", e);
    }
  }

  /**
   * Puts the root attributes, layer groups and datasets of {@code layout} into {@code hdf}.
   *
   * <p>Only layers with weights are listed and get a group. jHDF 0.9.4 writes its version string
   * where the last dataset it wrote ends, over any group header written after that dataset; its
   * groups are written in hash order, so an empty layer group could land there (ResNet50's
   * {@code conv4_block2_1_relu}) and the whole file became unreadable. Keras's own loaders skip
   * layers without weights on both sides ({@code load_weights} by position and by name), and so
   * does {@link KerasModelFile#readWeightsOnly}.
   */
  private static void fill(WritableHdfFile hdf, ModelWeights weights, Layout layout,
      Map<String, List<String>> roles) {
    Map<String, List<WeightArray>> withWeights = weights.withoutWeightlessLayers().byLayer();
    hdf.putAttribute("layer_names", withWeights.keySet().toArray(String[]::new));
    hdf.putAttribute("backend", "tensorflow");
    hdf.putAttribute("keras_version", KERAS_VERSION.get(layout));
    for (Map.Entry<String, List<WeightArray>> e : withWeights.entrySet()) {
      String layer = e.getKey();
      List<WeightArray> arrays = e.getValue();
      WritableGroup layerGroup = hdf.putGroup(layer);
      WritableGroup holder = layout == Layout.NESTED ? layerGroup.putGroup(layer) : layerGroup;
      String[] weightNames = new String[arrays.size()];
      for (int i = 0; i < arrays.size(); i++) {
        String datasetName = roles.containsKey(layer) ? roles.get(layer).get(i) + ":0"
            : datasetName(layer, i, layout);
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
}
