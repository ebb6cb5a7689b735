package dev.xaicam.explain;

import dev.xaicam.network.TargetNode;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.image.Preprocessing;
import dev.xaicam.image.ModelInput;
import dev.xaicam.XaiCamException;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.cam.CamMethods;
import dev.xaicam.models.ClassLabels;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.output.OutputLayout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a run will do, checked without loading any native library or weights so that usage errors
 * answer at once.
 *
 * @param model the model entry
 * @param graph the model's graph (shapes, target layers, output head)
 * @param input how an image becomes the model's input
 * @param labels its class names
 * @param layer the resolved target layer
 * @param methods the CAM methods in the order given, duplicates removed
 * @param classes resolved explicit target classes (empty: top predictions)
 * @param topK top predictions explained when {@code classes} is empty
 */
public record RunPlan(
    ModelCatalog.Entry model,
    ModelGraph graph,
    ModelInput input,
    ClassLabels labels,
    TargetNode layer,
    List<CamMethod> methods,
    List<Integer> classes,
    int topK) {

  /** The one method that reads {@code --max-n}. */
  private static final String FASTER_SCORE_CAM = "faster-scorecam";

  /** Resolves model, layer, methods and classes named in {@code settings}; a usage error for an option out of range. */
  public static RunPlan of(ExplainSettings settings, ModelCatalog catalog) {
    return of(settings, catalog.find(settings.model()));
  }

  /** As {@link #of(ExplainSettings, ModelCatalog)}, {@code settings.model()} already found. */
  static RunPlan of(ExplainSettings settings, ModelCatalog.Entry model) {
    ModelGraph graph = graph(model, settings.inputSize());
    TargetNode layer = graph.target(settings.layer());
    List<CamMethod> methods = new ArrayList<>();
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (String name : settings.methods()) {
      CamMethod method = CamMethods.create(name, settings.camOptions());
      if (seen.add(method.name())) {
        methods.add(method);
      }
    }
    boolean fasterScoreCam = methods.stream().anyMatch(m -> m.name().equals(FASTER_SCORE_CAM));
    methods.forEach(m -> m.checkOptions(layer.channels(), layer.name()));
    // An option that would silently do nothing is a mistake worth pointing out.
    OptionCheck.that(fasterScoreCam || !settings.maxNGiven(),
        "--max-n only applies to -m " + FASTER_SCORE_CAM + ", which is not among the methods");
    ClassLabels labels = labels(settings, model, graph.classCount());
    if (settings.classes().isEmpty() && settings.topK() > labels.size()) {
      throw XaiCamException.usage("--top-k must be between 1 and " + labels.size() + " (the classes of "
          + model.name() + "), got " + settings.topK());
    }
    List<Integer> classes = new ArrayList<>();
    for (String text : settings.classes()) {
      int index = labels.resolve(text);
      if (!classes.contains(index)) {
        classes.add(index);
      }
    }
    return new RunPlan(model, graph, modelInput(settings, model, graph), labels, layer,
        List.copyOf(methods), List.copyOf(classes), settings.topK());
  }

  /**
   * The model's graph, at {@code inputSize} ({height, width}) when given: shapes, target layers
   * and output head, all without native code.
   */
  public static ModelGraph graph(ModelCatalog.Entry model, int[] inputSize) {
    GraphSpec spec = model.spec();
    if (inputSize != null) {
      spec = spec.withInputSize(inputSize[0], inputSize[1]);
    }
    return ModelGraph.of(spec);
  }

  /** {@code --labels}, else the model's own names, else ImageNet's for 1000 classes, else indices. */
  private static ClassLabels labels(ExplainSettings settings, ModelCatalog.Entry model,
      int classes) {
    ClassLabels labels;
    if (settings.labels() != null) {
      labels = ClassLabels.read(settings.labels());
      if (labels.size() != classes) {
        throw XaiCamException.usage("--labels " + settings.labels() + " names " + labels.size()
            + " classes but the model has " + classes);
      }
      return labels;
    }
    if (model.labels() != null) {
      return model.labels().get();
    }
    return classes == 1000 ? ClassLabels.imagenet() : ClassLabels.indices(classes);
  }

  /**
   * The model's input: its size and channels from the graph, the preprocessing from
   * {@code --preprocess} or the model; a model file that does not rescale its own input must be
   * told, because a wrong guess gives a confident, wrong map.
   */
  private static ModelInput modelInput(ExplainSettings settings, ModelCatalog.Entry model,
      ModelGraph graph) {
    Preprocessing preprocessing = settings.preprocess() != null ? settings.preprocess()
        : model.preprocessing();
    if (preprocessing == null) {
      throw XaiCamException.usage("--preprocess is needed for " + model.name()
          + ": the model does not scale its input itself, so say how it was trained ("
          + Preprocessing.listing() + ")");
    }
    int[] shape = graph.inputShape();
    if (shape.length != 3 || (shape[2] != 1 && shape[2] != 3)) {
      throw XaiCamException.usage("model " + model.name() + " takes input "
          + java.util.Arrays.toString(shape) + "; xai-cam explains image models with 1 (grey) or"
          + " 3 (colour) channels");
    }
    if (shape[2] == 1 && preprocessing.needsColour()) {
      throw XaiCamException.usage("--preprocess " + preprocessing.cliName() + " needs a colour"
          + " model, but " + model.name() + " takes grey-scale input");
    }
    return new ModelInput(shape[0], shape[1], shape[2], preprocessing, settings.bgr());
  }

  /** One line naming model, layer and target, above the montage and the gallery. */
  public String heading() {
    String target;
    if (!classes.isEmpty()) {
      target = (classes.size() == 1 ? "class " : "classes ")
          + String.join(", ", classes.stream().map(labels::name).toList());
    } else {
      target = topK == 1 ? "top prediction" : "top " + topK + " predictions";
    }
    return "model " + model.name() + ", layer " + layer.name() + ", target: " + target;
  }

  /** Which classes each image explains. */
  public Targets targets() {
    return classes.isEmpty() ? Targets.top(topK) : Targets.explicit(classes);
  }

  /** Where the run's files go, with or without {@code .npy} and {@code .raw.npy} files. */
  public OutputLayout layout(boolean npy, boolean raw) {
    int perImage = classes.isEmpty() ? topK : classes.size();
    return new OutputLayout(methods.stream().map(CamMethod::name).toList(), classes, perImage, npy, raw);
  }
}
