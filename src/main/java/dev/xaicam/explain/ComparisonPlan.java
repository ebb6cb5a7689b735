package dev.xaicam.explain;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.models.ClassLabels;
import dev.xaicam.models.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * What a model comparison ({@code --compare-models}) will do, checked without natives before any
 * model loads: each model's settings and target layer, the one method, the class names all models
 * share, and which class each row explains.
 *
 * @param columns one per model, in the order given
 * @param method the CAM method every model runs
 * @param labels the class names every model shares
 * @param classIndex the class {@code --class} gave, or {@code null}: each image's top prediction
 *     by the first model
 */
public record ComparisonPlan(List<Column> columns, String method, ClassLabels labels,
    Integer classIndex) {

  /** Names of the sample classes an error message shows of each label set. */
  private static final int SAMPLE_NAMES = 3;

  /**
   * One model of the comparison: a column of the montage.
   *
   * @param label its title: the catalogue name or the model file's name, with the weight file's
   *     name in brackets when one was given
   * @param settings its explain settings: the shared options with its model and weights
   * @param layer its target layer (the model's default)
   */
  public record Column(String label, ExplainSettings settings, String layer) {}

  /** Freezes the columns. */
  public ComparisonPlan {
    columns = List.copyOf(columns);
  }

  /**
   * Resolves and checks a comparison; a usage error naming the option at fault otherwise.
   *
   * @param models the models as typed: a catalogue name or Keras model file, optionally
   *     {@code =WEIGHTS} (a Keras weight file)
   * @param options a new builder holding the run's other options, each time it is called
   */
  public static ComparisonPlan of(List<String> models, Supplier<ExplainSettings.Builder> options,
      ModelCatalog catalog) {
    ExplainSettings shared = options.get().build();
    refuseWith(shared.weights() != null, "--weights",
        "give a model's weights as NAME=WEIGHTS in the list");
    refuseWith(shared.layer() != null, "-l", "each model is explained at its own default layer");
    refuseWith(shared.npy(), "--npy", "it writes only the montage");
    refuseWith(shared.raw(), "--raw", "it writes only the montage");
    refuseWith(shared.html() != null, "--html", "it writes only the montage");
    refuseWith(shared.topK() != 1, "--top-k", "each image is explained for one class");
    OptionCheck.that(shared.montage() != null,
        "--compare-models needs --montage FILE: the comparison is that picture");
    OptionCheck.that(models.size() >= 2,
        "--compare-models needs at least two models, got " + models.size());
    List<Column> columns = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    // What the first model settles for all; not its plan, which may hold a model file's weights.
    String method = null;
    ClassLabels classNames = null;
    Integer classIndex = null;
    boolean preprocessUsed = false;
    for (int i = 0; i < models.size(); i++) {
      String text = models.get(i).strip();
      int split = text.indexOf('=');
      String model = split < 0 ? text : text.substring(0, split).strip();
      Path weights = split < 0 ? null : Path.of(text.substring(split + 1).strip());
      OptionCheck.that(!model.isEmpty() && (weights == null || !weights.toString().isEmpty()),
          "--compare-models: '" + text + "' is not MODEL or MODEL=WEIGHTS");
      OptionCheck.that(weights == null || Files.isRegularFile(weights),
          "--compare-models " + text + ": no such weight file " + weights);
      ModelCatalog.Entry entry = catalog.find(model);
      ExplainSettings.Builder builder = options.get().model(model).weights(weights);
      // --preprocess is for the models that cannot know theirs (files that do not rescale their
      // input): a built-in model compared with such a file keeps its own.
      if (entry.preprocessing() != null) {
        builder.preprocess(null);
      } else {
        preprocessUsed = true;
      }
      // TensorFlow sizes its thread pools once, when the first model loads.
      if (i > 0) {
        builder.threads(null);
      }
      ExplainSettings settings = builder.build();
      // The plan is dropped after its checks: a model file's entry holds its weights, and only
      // one model's may be in memory at a time.
      RunPlan plan = RunPlan.of(settings, entry);
      String label = label(entry, weights);
      OptionCheck.that(labels.add(label), "--compare-models names " + label
          + " twice; compare different models or weight files with different names");
      if (i == 0) {
        OptionCheck.that(plan.methods().size() == 1, "--compare-models compares one method, got "
            + plan.methods().size() + " (" + String.join(", ",
                plan.methods().stream().map(CamMethod::name).toList()) + "); run once per method");
        OptionCheck.that(plan.classes().size() <= 1, "--compare-models explains one class per "
            + "image, got " + plan.classes().size() + " with --class");
        method = plan.methods().get(0).name();
        classNames = plan.labels();
        classIndex = plan.classes().isEmpty() ? null : plan.classes().get(0);
      } else {
        checkSameClasses(columns.get(0).label(), classNames, label, plan.labels());
      }
      columns.add(new Column(label, settings, plan.layer().name()));
    }
    OptionCheck.that(shared.preprocess() == null || preprocessUsed, "--preprocess is for model "
        + "files that do not rescale their input, and no compared model is one; built-in models "
        + "keep their own");
    return new ComparisonPlan(columns, method, classNames, classIndex);
  }

  /** A usage error "{@code option} cannot be used with --compare-models: {@code why}" if {@code given}. */
  private static void refuseWith(boolean given, String option, String why) {
    OptionCheck.that(!given, option + " cannot be used with --compare-models: " + why);
  }

  /** The catalogue's name or the file's name, plus the weight file's name when one was given. */
  private static String label(ModelCatalog.Entry entry, Path weights) {
    String name = Path.of(entry.name()).getFileName().toString();
    return weights == null ? name : name + " (" + weights.getFileName() + ")";
  }

  /**
   * A usage error unless both models name the same classes in the same order: a row explains one
   * class index, which must mean the same class in every column.
   */
  private static void checkSameClasses(String firstModel, ClassLabels first, String model,
      ClassLabels labels) {
    boolean same = first.size() == labels.size()
        && IntStream.range(0, first.size()).allMatch(i -> first.name(i).equals(labels.name(i)));
    if (!same) {
      throw XaiCamException.usage("--compare-models needs models with the same classes: "
          + firstModel + " has " + sample(first) + ", " + model + " has " + sample(labels)
          + (first.size() == labels.size() ? "; give --labels if they are the same classes" : ""));
    }
  }

  /** "6 classes (circle, square, triangle, ...)". */
  private static String sample(ClassLabels labels) {
    List<String> names = IntStream.range(0, Math.min(SAMPLE_NAMES, labels.size()))
        .mapToObj(labels::name).toList();
    return labels.size() + " classes (" + String.join(", ", names)
        + (labels.size() > SAMPLE_NAMES ? ", ..." : "") + ")";
  }

  /** The line above the montage: method, which class each row explains, each model's layer. */
  public String heading() {
    String target = classIndex == null
        ? columns.get(0).label() + "'s top prediction for each image"
        : "class " + labels.name(classIndex) + " (" + classIndex + ")";
    return "method " + method + ", target: " + target + ", layers: " + String.join(", ",
        columns.stream().map(c -> c.layer() + " of " + c.label()).toList());
  }
}
