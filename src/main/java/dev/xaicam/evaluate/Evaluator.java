package dev.xaicam.evaluate;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.explain.NetworkLoader;
import dev.xaicam.explain.CamRunner;
import dev.xaicam.explain.CamRunner.Cam;
import dev.xaicam.explain.Explainer;
import dev.xaicam.explain.ImageInput;
import dev.xaicam.explain.RunPlan;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.ImageDecoder;
import dev.xaicam.metrics.CausalCurve;
import dev.xaicam.metrics.ConfidenceChange;
import dev.xaicam.metrics.DeletionSubstrate;
import dev.xaicam.metrics.InputImage;
import dev.xaicam.metrics.RoadScores;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.network.GraphNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code xai-cam evaluate}: each image's heatmaps through the explain run's {@link CamRunner},
 * then every faithfulness metric of each, image by image (only one image's perturbed copies exist
 * at a time, a classifier batch of them at once); per method the means with 95% intervals.
 */
public final class Evaluator implements AutoCloseable {
  /** What to do. */
  private final EvaluateSettings settings;
  /** Model, layer, methods and classes, resolved. */
  private final RunPlan plan;
  /** The loaded network. */
  private final GraphNetwork network;
  /** The explain run's per-batch flow, one image a batch. */
  private final CamRunner runner;
  /** Decodes images within the run's pixel limit. */
  private final ImageDecoder decoder;

  /** Receives each image's scores as soon as they are done. */
  public interface Listener {
    /** One image's scores, one per method and target class, in method order. */
    void scored(Path image, List<ImageScores> scores);

    /** One image that could not be evaluated, with the one-line reason. */
    void failed(Path image, String error);
  }

  /**
   * The outcome of a run.
   *
   * @param methods per method, its summary; empty when no image was evaluated
   * @param ok images evaluated
   * @param failed images that failed
   * @param interrupted whether a stop request ended the run early
   */
  public record Result(List<MethodSummary> methods, int ok, int failed, boolean interrupted) {}

  /** An evaluator over a loaded network. */
  private Evaluator(EvaluateSettings settings, RunPlan plan, GraphNetwork network) {
    this.settings = settings;
    this.plan = plan;
    this.network = network;
    this.runner = new CamRunner(network, plan.layer(), plan.methods(), plan.targets(),
        settings.explain().batchSize());
    this.decoder = new ImageDecoder(settings.explain().maxPixels());
  }

  /** Resolves the plan (usage errors before anything native loads), then loads the network. */
  public static Evaluator open(EvaluateSettings settings, ModelCatalog catalog) {
    RunPlan plan = RunPlan.of(settings.explain(), catalog);
    return new Evaluator(settings, plan, NetworkLoader.load(settings.explain(), plan, stage -> { }));
  }

  /** The resolved plan (for the report's header). */
  public RunPlan plan() {
    return plan;
  }

  /** Evaluates every image in order until done or {@code stop} turns true between images. */
  public Result run(List<ImageInput> images, BooleanSupplier stop, Listener listener) {
    Map<String, MethodTotals> totals = new LinkedHashMap<>();
    for (CamMethod method : plan.methods()) {
      totals.put(method.name(), new MethodTotals(method.name()));
    }
    int ok = 0;
    int failed = 0;
    for (ImageInput image : images) {
      if (stop.getAsBoolean()) {
        break;
      }
      Path source = image.source();
      List<ImageScores> scores;
      try {
        scores = evaluate(source);
      } catch (XaiCamException e) {
        if (e.exitCode() != XaiCamException.EXIT_INPUT) {
          throw e;
        }
        failed++;
        listener.failed(source, e.getMessage());
        continue;
      }
      scores.forEach(s -> totals.get(s.method()).add(s));
      ok++;
      listener.scored(source, scores);
    }
    List<MethodSummary> summaries = new ArrayList<>();
    for (MethodTotals t : totals.values()) {
      if (!t.isEmpty()) {
        summaries.add(t.summary(settings.road()));
      }
    }
    return new Result(summaries, ok, failed, stop.getAsBoolean());
  }

  /** One image's metrics for every method and target class. */
  private List<ImageScores> evaluate(Path source) {
    DecodedImage decoded = decoder.decode(decoder.inspect(source));
    float[] pixels = plan.input().pixels(decoded);
    InputImage image = new InputImage(plan.input().height(), plan.input().width(),
        plan.input().channels(), pixels);
    List<Cam> cams = new ArrayList<>();
    runner.run(List.of(plan.input().fromPixels(pixels)), 1, () -> false,
        result -> cams.addAll(result.cams()));
    List<ImageScores> scores = new ArrayList<>();
    for (Cam cam : cams) {
      NetworkClassifier classifier = new NetworkClassifier(network, plan.input(), cam.target(),
          settings.explain().batchSize());
      for (float v : cam.heatmap().values()) {
        if (!Float.isFinite(v)) {
          throw XaiCamException.badInput(source, "the network's output is not finite (NaN or"
              + " infinity), so this image cannot be evaluated");
        }
      }
      RoadScores road = settings.road() ? RoadScores.measure(classifier, image, cam.heatmap(),
          RoadScores.defaultPercentiles(), RoadScores.DEFAULT_NOISE, settings.explain().seed())
          : null;
      scores.add(new ImageScores(source, cam.method().name(), cam.target(),
          ConfidenceChange.measure(classifier, image, cam.heatmap()),
          CausalCurve.deletion(classifier, image, cam.heatmap(), settings.steps(),
              DeletionSubstrate.ZERO),
          CausalCurve.insertion(classifier, image, cam.heatmap(), settings.steps()), road));
    }
    return scores;
  }

  /** Frees the network's native memory. */
  @Override
  public void close() {
    network.close();
  }
}
