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
   * A folded weight in double precision, so a float64 network holds the exact product and a
   * float32 one rounds it once.
   *
   * @param shape dimensions in Keras's layout
   * @param values row-major values
   */
  record Exact(int[] shape, double[] values) {}

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
      out.add(new Exact(unchanged.shape(), widen(unchanged.values(), null)));
    }
    WeightArray kernel = convWeights.get(kernelIndex);
    out.add(new Exact(kernel.shape(), widen(kernel.values(), s)));
    double[] bias = new double[channels];
    boolean hasBias = convWeights.size() > kernels;
    float[] convBias = hasBias ? convWeights.get(kernels).values() : null;
    for (int ch = 0; ch < channels; ch++) {
      double b = hasBias ? convBias[ch] : 0;
      bias[ch] = b * s[ch] + shift[ch];
    }
    out.add(new Exact(new int[] {channels}, bias));
    return out;
  }

  /**
   * The values as doubles, each run of {@code scale.length} (the output channels, the fastest
   * axis) scaled by {@code scale} when given.
   */
  private static double[] widen(float[] values, double[] scale) {
    double[] out = new double[values.length];
    if (scale == null) {
      for (int v = 0; v < values.length; v++) {
        out[v] = values[v];
      }
      return out;
    }
    if (values.length % scale.length != 0) {
      throw new IllegalStateException(values.length + " kernel values are not a whole number of "
          + scale.length + " output channels");
    }
    for (int base = 0; base < values.length; base += scale.length) {
      for (int k = 0; k < scale.length; k++) {
        out[base + k] = values[base + k] * scale[k];
      }
    }
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
