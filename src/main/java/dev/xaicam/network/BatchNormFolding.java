package dev.xaicam.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds inference-time BatchNormalization into the convolution before it, a graph rewrite made
 * when weights are attached: where a convolution without activation feeds only a
 * BatchNormalization over its channels, {@code BN(conv(x)) = conv'(x)} with the kernel's output
 * channels scaled by {@code s = gamma / sqrt(moving_variance + epsilon)} and the bias
 * {@code s * (bias - moving_mean) + beta}, exact up to round-off. The BN node then runs that
 * folded convolution on the convolution's input, so its name still addresses the same output;
 * the convolution node keeps its own layer and weights, and runs only when it is the target.
 */
final class BatchNormFolding {
  /** Convolution classes whose output channels a per-channel scale can be folded into. */
  private static final Set<String> FOLDABLE = Set.of("Conv2D", "DepthwiseConv2D",
      "SeparableConv2D");

  /**
   * The folded graph and its weights.
   *
   * @param graph the rewritten graph: same nodes in the same order, folded BN nodes replaced
   * @param replaced the folded BN nodes' new weights (folded kernel, bias) by node name; every
   *     other node keeps its own
   * @param foldedConvolutions per node, whether it is a convolution whose BN was folded away
   */
  record Folded(ModelGraph graph, Map<String, List<Exact>> replaced,
      boolean[] foldedConvolutions) {}

  /**
   * A folded weight, exact: a float64 network gets the products in double precision and a
   * float32 one gets each product rounded once. A scaled kernel keeps its source and computes the
   * precision asked for in one pass on demand: ResNet50's kernels are 23 million values, whose
   * double copy and its narrowing cost a second of a one-image run.
   */
  static final class Exact {
    /** Dimensions in Keras's layout. */
    private final int[] shape;
    /** Given values, or null for a scaled source. */
    private final double[] given;
    /** The source weight, or null for given values. */
    private final WeightArray source;
    /** Per output channel (the fastest axis), the source's scale; null to take it as it is. */
    private final double[] scale;

    /** Either given values or a source with its optional scale. */
    private Exact(int[] shape, double[] given, WeightArray source, double[] scale) {
      this.shape = shape;
      this.given = given;
      this.source = source;
      this.scale = scale;
    }

    /** {@code values} as they are. */
    static Exact of(int[] shape, double[] values) {
      return new Exact(shape, values, null, null);
    }

    /** {@code source}, each run of {@code scale.length} values scaled, or unchanged if null. */
    static Exact scaled(WeightArray source, double[] scale) {
      int size = source.size();
      if (scale != null && size % scale.length != 0) {
        throw new IllegalStateException(size + " kernel values are not a whole number of "
            + scale.length + " output channels");
      }
      return new Exact(source.shape(), null, source, scale);
    }

    /** Dimensions in Keras's layout. */
    int[] shape() {
      return shape;
    }

    /** The row-major values in double precision. */
    double[] values() {
      if (given != null) {
        return given;
      }
      float[] from = source.values();
      double[] out = new double[from.length];
      int channels = scale == null ? 1 : scale.length;
      for (int base = 0; base < from.length; base += channels) {
        for (int k = 0; k < channels; k++) {
          out[base + k] = scale == null ? from[base + k] : from[base + k] * scale[k];
        }
      }
      return out;
    }

    /** The row-major values rounded once to float: the same as narrowing {@link #values()}. */
    float[] floats() {
      float[] out = new float[given != null ? given.length : source.size()];
      if (given != null) {
        for (int i = 0; i < given.length; i++) {
          out[i] = (float) given[i];
        }
        return out;
      }
      float[] from = source.values();
      if (scale == null) {
        return from;
      }
      for (int base = 0; base < from.length; base += scale.length) {
        for (int k = 0; k < scale.length; k++) {
          out[base + k] = (float) (from[base + k] * scale[k]);
        }
      }
      return out;
    }
  }

  /** Static rewrite only. */
  private BatchNormFolding() {}

  /** {@code graph} with every foldable convolution-BN pair folded, or null when there is none. */
  static Folded fold(ModelGraph graph, ModelWeights weights) {
    List<NodeSpec> nodes = graph.spec().nodes();
    int[] consumers = new int[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      for (int m : graph.inputsOf(i)) {
        consumers[m]++;
      }
    }
    List<NodeSpec> rewritten = new ArrayList<>(nodes);
    Map<String, List<Exact>> replaced = new LinkedHashMap<>();
    boolean[] folded = new boolean[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      NodeSpec bn = nodes.get(i);
      int[] in = graph.inputsOf(i);
      if (!bn.className().equals("BatchNormalization") || in.length != 1) {
        continue;
      }
      int c = in[0];
      NodeSpec conv = nodes.get(c);
      if (!FOLDABLE.contains(conv.className()) || consumers[c] != 1 || c == graph.outputIndex()
          || !isLinear(conv.config())) {
        continue;
      }
      ObjectNode config = conv.config();
      config.put("name", bn.shortName());
      config.put("use_bias", true);
      rewritten.set(i, new NodeSpec(bn.name(), conv.className(), config, conv.inputs(),
          bn.nesting()));
      replaced.put(bn.name(), foldedWeights(conv, weights.of(conv.name()), bn,
          weights.of(bn.name())));
      folded[c] = true;
    }
    if (!anyTrue(folded)) {
      return null;
    }
    GraphSpec spec = graph.spec();
    ModelGraph foldedGraph = ModelGraph.of(new GraphSpec(spec.name(), rewritten,
        spec.outputName(), spec.kerasMajorVersion()));
    return new Folded(foldedGraph, replaced, folded);
  }

  /** Whether the convolution applies no activation (absent or {@code linear}). */
  private static boolean isLinear(ObjectNode config) {
    JsonNode activation = config == null ? null : config.get("activation");
    return activation == null || activation.isNull() || activation.asText().equals("linear");
  }

  /** The folded convolution's weights: the convolution's, output channels scaled, and a bias. */
  private static List<Exact> foldedWeights(NodeSpec conv, List<WeightArray> convWeights,
      NodeSpec bn, List<WeightArray> bnWeights) {
    ObjectNode bnConfig = bn.config();
    boolean scale = bnConfig == null || !bnConfig.has("scale") || bnConfig.get("scale").asBoolean();
    boolean center = bnConfig == null || !bnConfig.has("center")
        || bnConfig.get("center").asBoolean();
    double epsilon = bnConfig != null && bnConfig.has("epsilon")
        ? bnConfig.get("epsilon").asDouble() : 1e-3;
    // values() copies a memory-mapped array each time it is called: read each one once, outside
    // the loops (inside them, a 2048-channel layer copied its arrays 2048 times).
    float[] mean = bnWeights.get(bnWeights.size() - 2).values();
    float[] variance = bnWeights.get(bnWeights.size() - 1).values();
    float[] gammas = scale ? bnWeights.get(0).values() : null;
    float[] betas = center ? bnWeights.get(scale ? 1 : 0).values() : null;
    int channels = mean.length;
    double[] s = new double[channels];
    double[] shift = new double[channels];
    for (int k = 0; k < channels; k++) {
      double gamma = scale ? gammas[k] : 1;
      double beta = center ? betas[k] : 0;
      s[k] = gamma / Math.sqrt(variance[k] + epsilon);
      shift[k] = beta - mean[k] * s[k];
    }
    // The kernel whose output channels BN scales: SeparableConv2D's pointwise kernel (index 1);
    // the only kernel otherwise, whose last axes (flattened, for DepthwiseConv2D) are the outputs.
    int kernelIndex = conv.className().equals("SeparableConv2D") ? 1 : 0;
    int kernels = kernelIndex + 1;
    List<Exact> out = new ArrayList<>();
    for (WeightArray unchanged : convWeights.subList(0, kernelIndex)) {
      out.add(Exact.scaled(unchanged, null));
    }
    out.add(Exact.scaled(convWeights.get(kernelIndex), s));
    double[] bias = new double[channels];
    boolean hasBias = convWeights.size() > kernels;
    float[] convBias = hasBias ? convWeights.get(kernels).values() : null;
    for (int ch = 0; ch < channels; ch++) {
      double b = hasBias ? convBias[ch] : 0;
      bias[ch] = b * s[ch] + shift[ch];
    }
    out.add(Exact.of(new int[] {channels}, bias));
    return out;
  }

  /** Whether any entry is true. */
  private static boolean anyTrue(boolean[] flags) {
    for (boolean f : flags) {
      if (f) {
        return true;
      }
    }
    return false;
  }
}
