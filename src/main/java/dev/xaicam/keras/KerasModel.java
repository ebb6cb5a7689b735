package dev.xaicam.keras;

import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.ModelWeights;

/**
 * What a Keras model file holds, ready for the graph network: the flattened architecture, the
 * weights by node name, and what kind of file it was.
 *
 * @param graph the layers, nested models flattened into path-qualified nodes
 * @param weights each node's weight arrays in Keras's order, keyed by node name
 * @param format the container the model came in
 * @param kerasVersion the Keras version the file records ({@code 2.4.0}), or {@code unknown}
 * @param input the image shape the input layer declares
 */
public record KerasModel(
    GraphSpec graph, ModelWeights weights, KerasFileFormat format, String kerasVersion,
    ModelInput input) {

  /** Marks the graph with the Keras version whose layer semantics its configs follow. */
  public KerasModel {
    int major = majorVersion(kerasVersion, format);
    graph = new GraphSpec(graph.name(), graph.nodes(), graph.outputName(),
        major >= GraphSpec.KERAS_3 ? GraphSpec.KERAS_3 : GraphSpec.KERAS_2);
  }

  /** Version text when a file does not record one. */
  public static final String UNKNOWN_VERSION = "unknown";

  /**
   * The major Keras version that wrote the file (1, 2 or 3), or 0 when the file does not say;
   * a {@code .keras} archive without a version is Keras 3's format.
   */
  public int kerasMajorVersion() {
    return majorVersion(kerasVersion, format);
  }

  /** The leading number of {@code kerasVersion}, or 3 for an archive that records none, else 0. */
  private static int majorVersion(String kerasVersion, KerasFileFormat format) {
    int end = 0;
    while (end < kerasVersion.length() && Character.isDigit(kerasVersion.charAt(end))) {
      end++;
    }
    if (end == 0 || end > 3) {
      return format == KerasFileFormat.KERAS_ARCHIVE ? 3 : 0;
    }
    return Integer.parseInt(kerasVersion.substring(0, end));
  }
}
