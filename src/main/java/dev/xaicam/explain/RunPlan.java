package dev.xaicam.explain;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.cam.CamMethods;
import dev.xaicam.cam.CamOptions;
import dev.xaicam.model.TargetLayer;
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
 * @param labels its class names
 * @param layer the resolved target layer
 * @param methods the CAM methods in the order given, duplicates removed
 * @param classes resolved explicit target classes (empty: top predictions)
 * @param topK top predictions explained when {@code classes} is empty
 */
public record RunPlan(
    ModelCatalog.Entry model,
    ClassLabels labels,
    TargetLayer layer,
    List<CamMethod> methods,
    List<Integer> classes,
    int topK) {

  /** The one method that reads {@code --max-n}. */
  private static final String FASTER_SCORE_CAM = "faster-scorecam";

  /** Resolves model, layer, methods and classes named in {@code settings}; a usage error for an option out of range. */
  public static RunPlan of(ExplainSettings settings, ModelCatalog catalog) {
    ModelCatalog.Entry model = catalog.find(settings.model());
    TargetLayer layer = TargetLayer.resolve(model.architecture(), settings.layer());
    List<CamMethod> methods = new ArrayList<>();
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (String name : settings.methods()) {
      CamMethod method = CamMethods.create(name, new CamOptions(settings.maxN()));
      if (seen.add(method.name())) {
        methods.add(method);
      }
    }
    boolean fasterScoreCam = methods.stream().anyMatch(m -> m.name().equals(FASTER_SCORE_CAM));
    if (fasterScoreCam && (settings.maxN() < 1 || settings.maxN() > layer.channels())) {
      throw XaiCamException.usage(
          "--max-n must be between 1 and " + layer.channels() + " (the channels of "
              + layer.name() + "), got " + settings.maxN());
    }
    // An option that would silently do nothing is a mistake worth pointing out.
    OptionCheck.that(fasterScoreCam || !settings.maxNGiven(),
        "--max-n only applies to -m " + FASTER_SCORE_CAM + ", which is not among the methods");
    ClassLabels labels = model.labels().get();
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
    return new RunPlan(model, labels, layer, List.copyOf(methods), List.copyOf(classes), settings.topK());
  }

  /** Which classes each image explains. */
  public Targets targets() {
    return classes.isEmpty() ? Targets.top(topK) : Targets.explicit(classes);
  }

  /** Where the run's files go, with or without {@code .npy} files. */
  public OutputLayout layout(boolean npy) {
    int perImage = classes.isEmpty() ? topK : classes.size();
    return new OutputLayout(methods.stream().map(CamMethod::name).toList(), classes, perImage, npy);
  }
}
