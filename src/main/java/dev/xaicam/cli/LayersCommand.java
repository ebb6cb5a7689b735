package dev.xaicam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xaicam.explain.RunPlan;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.network.LayerSummary;
import dev.xaicam.network.ModelGraph;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code xai-cam layers}: a model's layers in graph order, like Keras's {@code model.summary()},
 * with nested models indented and the default target layer marked. Reads no weights.
 */
@Command(name = "layers", mixinStandardHelpOptions = true, sortOptions = false,
    description = "List a model's layers in graph order: class, output shape, parameters, and "
        + "which layer is the default target (-l takes any layer with an H x W x C output).")
final class LayersCommand implements Callable<Integer> {
  /** Indentation per nesting level. */
  private static final String INDENT = "  ";

  @Spec CommandSpec spec;

  @ParentCommand XaiCamCommand parent;

  /** Which model, at what input size. */
  @Mixin ModelOptions modelOptions = new ModelOptions();

  /** Machine-readable output. */
  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Override
  public Integer call() {
    ModelCatalog.Entry entry = parent.catalog().find(modelOptions.model);
    ModelGraph graph = RunPlan.graph(entry, modelOptions.inputSize());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(entry, graph));
    } else {
      table(out, entry, graph);
    }
    out.flush();
    return 0;
  }

  /** The summary table. */
  private static void table(PrintWriter out, ModelCatalog.Entry entry, ModelGraph graph) {
    List<LayerSummary> layers = graph.layers();
    int width = "Layer (class)".length();
    for (LayerSummary layer : layers) {
      width = Math.max(width, label(layer).length());
    }
    int[] input = graph.inputShape();
    out.printf(Locale.ROOT, "Model: %s (%s), input %s, %d classes (%s output)%n", graph.name(),
        entry.name(), shape(input), graph.classCount(),
        graph.head().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    String format = "%-" + width + "s  %-18s %,12d%s%n";
    out.printf(Locale.ROOT, "%-" + width + "s  %-18s %12s%n", "Layer (class)", "Output shape",
        "Param #");
    List<String> open = List.of();
    long total = 0;
    for (LayerSummary layer : layers) {
      List<String> nesting = layer.nesting();
      for (int depth = 0; depth < nesting.size(); depth++) {
        if (depth >= open.size() || !open.get(depth).equals(nesting.get(depth))) {
          out.println(INDENT.repeat(depth) + nesting.get(depth) + " (nested model)");
          open = List.of();
        }
      }
      open = nesting;
      out.printf(Locale.ROOT, format, label(layer), layer.shapeText(), layer.parameterCount(),
          layer.defaultTarget() ? "   <- default target" : "");
      total += layer.parameterCount();
    }
    out.printf(Locale.ROOT, "Total params: %,d%n", total);
  }

  /** The layer's short name and class, indented by its nesting depth. */
  private static String label(LayerSummary layer) {
    String name = layer.name().substring(layer.name().lastIndexOf('/') + 1);
    return INDENT.repeat(layer.nesting().size()) + name + " (" + layer.className() + ")";
  }

  /** (224, 224, 3). */
  private static String shape(int[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return sb.append(")").toString();
  }

  /** The summary as one JSON object. */
  private static String json(ModelCatalog.Entry entry, ModelGraph graph) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("model", entry.name());
    root.put("name", graph.name());
    ArrayNode input = root.putArray("input_shape");
    for (int d : graph.inputShape()) {
      input.add(d);
    }
    root.put("classes", graph.classCount());
    root.put("output", graph.head().kind().name().toLowerCase(Locale.ROOT));
    root.put("default_target", graph.defaultTarget().name());
    long total = 0;
    ArrayNode layers = root.putArray("layers");
    for (LayerSummary layer : graph.layers()) {
      ObjectNode node = layers.addObject();
      node.put("name", layer.name());
      node.put("class", layer.className());
      ArrayNode shape = node.putArray("output_shape");
      for (int d : layer.outputShape()) {
        shape.add(d);
      }
      node.put("parameters", layer.parameterCount());
      ArrayNode nesting = node.putArray("nesting");
      layer.nesting().forEach(nesting::add);
      node.put("default_target", layer.defaultTarget());
      total += layer.parameterCount();
    }
    root.put("parameters", total);
    return root.toString();
  }
}
