package dev.xaicam.pipeline;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.CamComputation;
import dev.xaicam.cam.CamInputs;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.cam.CamMethods;
import dev.xaicam.cam.CamOptions;
import dev.xaicam.cam.Heatmap;
import dev.xaicam.cam.LayerSignal;
import dev.xaicam.cam.MaskScorer;
import dev.xaicam.cam.MethodNeed;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.ImageDecoder;
import dev.xaicam.image.MontageRow;
import dev.xaicam.image.MontageTile;
import dev.xaicam.image.OverlayRenderer;
import dev.xaicam.model.Architecture;
import dev.xaicam.model.ClassLabels;
import dev.xaicam.model.ForwardPass;
import dev.xaicam.model.ModelWeights;
import dev.xaicam.model.Network;
import dev.xaicam.model.TargetLayer;
import dev.xaicam.pipeline.ImageReport.ClassScore;
import dev.xaicam.pipeline.ImageReport.HeatmapOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Explains images with one loaded network: decode, preprocess, one forward pass per batch, one
 * backward pass per target, every requested CAM method, then overlay and {@code .npy} files.
 */
public final class Explainer implements AutoCloseable {
  private final ExplainSettings settings;
  private final ModelCatalog.Entry model;
  private final ClassLabels labels;
  private final TargetLayer layer;
  private final List<CamMethod> methods;
  private final List<Integer> explicitClasses;
  private final ImageDecoder decoder;
  private final OverlayRenderer overlays = new OverlayRenderer();
  private final List<MontageRow> montageRows = new ArrayList<>();
  private final Network network;

  private Explainer(ExplainSettings settings, Plan plan, Network network) {
    this.settings = settings;
    this.model = plan.model();
    this.labels = plan.labels();
    this.layer = plan.layer();
    this.methods = plan.methods();
    this.explicitClasses = plan.classes();
    this.decoder = new ImageDecoder(settings.maxPixels());
    this.network = network;
  }

  /**
   * What a run will do, checked without loading any native library or weights so that usage
   * errors answer at once.
   *
   * @param model the model entry
   * @param labels its class names
   * @param layer the resolved target layer
   * @param methods the CAM methods in the order given, duplicates removed
   * @param classes resolved explicit target classes (empty: top predictions)
   */
  public record Plan(
      ModelCatalog.Entry model,
      ClassLabels labels,
      TargetLayer layer,
      List<CamMethod> methods,
      List<Integer> classes) {

    /** Resolves model, layer, methods and classes named in {@code settings}. */
    public static Plan of(ExplainSettings settings, ModelCatalog catalog) {
      ModelCatalog.Entry model = catalog.find(settings.model());
      Architecture architecture = model.architecture();
      TargetLayer layer = TargetLayer.resolve(architecture, settings.layer());
      List<CamMethod> methods = new ArrayList<>();
      LinkedHashSet<String> seen = new LinkedHashSet<>();
      for (String name : settings.methods()) {
        CamMethod method = CamMethods.create(name, new CamOptions(settings.maxN()));
        if (seen.add(method.name())) {
          methods.add(method);
        }
      }
      methods.forEach(m -> m.checkOptions(layer.channels(), layer.name()));
      ClassLabels labels = model.labels().get();
      List<Integer> classes = new ArrayList<>();
      for (String text : settings.classes()) {
        int index = labels.resolve(text);
        if (!classes.contains(index)) {
          classes.add(index);
        }
      }
      return new Plan(model, labels, layer, List.copyOf(methods), List.copyOf(classes));
    }
  }

  /** Resolves the plan, then loads weights and builds the network. */
  public static Explainer open(ExplainSettings settings, ModelCatalog catalog) {
    Plan plan = Plan.of(settings, catalog);
    ModelWeights weights = plan.model().weights().load(settings.weights(), settings.offline());
    Network network = Network.create(plan.model().architecture(), weights, settings.float64());
    // The heap copy of the weights (553 MB for VGG16) is garbage now that TensorFlow holds them;
    // collecting it once lets the JVM hand that memory back before a long run.
    weights = null;
    System.gc();
    return new Explainer(settings, plan, network);
  }

  /**
   * An image decoded and turned into network input, or the reason it could not be.
   *
   * @param input the image and its output base
   * @param image the decoded pixels, {@code null} on failure
   * @param tensor the network input (NHWC), {@code null} on failure
   * @param error the one-line failure, {@code null} on success
   * @param nanos time spent decoding and preprocessing
   */
  public record Prepared(ImageInput input, DecodedImage image, float[] tensor, String error, long nanos) {}

  /** Decodes and preprocesses one image; safe to call from several threads at once. */
  public Prepared prepare(ImageInput input) {
    long t0 = System.nanoTime();
    try {
      DecodedImage image = decoder.decode(input.source());
      float[] tensor = model.preprocessing().toModelInput(image, inputHeight(), inputWidth());
      return new Prepared(input, image, tensor, null, System.nanoTime() - t0);
    } catch (XaiCamException e) {
      return new Prepared(input, null, null, e.getMessage(), System.nanoTime() - t0);
    }
  }

  /**
   * Explains up to a batch of prepared images with one forward pass; the reports come back in
   * input order, failed images included, and one image's failure never stops the others. Once
   * {@code stop} turns true no further image is started: the reports then cover only the images
   * finished (and the failed ones before them).
   */
  public List<ImageReport> explainPrepared(List<Prepared> prepared, BooleanSupplier stop) {
    int n = prepared.size();
    ImageReport[] reports = new ImageReport[n];
    List<Integer> ok = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Prepared p = prepared.get(i);
      if (p.error() == null) {
        ok.add(i);
      } else {
        reports[i] = ImageReport.failed(p.input().source(), p.error(), p.nanos() / 1_000_000);
      }
    }
    if (!ok.isEmpty()) {
      long batchStart = System.nanoTime();
      List<ImageReport> done = explainDecoded(prepared, ok, stop);
      long shared = (System.nanoTime() - batchStart) / Math.max(1, done.size());
      for (int k = 0; k < done.size(); k++) {
        int i = ok.get(k);
        ImageReport r = done.get(k);
        reports[i] = new ImageReport(r.input(), r.status(), r.error(), r.layer(), r.top5(),
            r.heatmaps(), (prepared.get(i).nanos() + shared) / 1_000_000);
      }
    }
    // Images not reached after a stop request are left out: they will be redone on resume.
    List<ImageReport> finished = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (reports[i] == null) {
        if (ok.indexOf(i) >= 0) {
          break;
        }
        continue;
      }
      finished.add(reports[i]);
    }
    return finished;
  }

  private List<ImageReport> explainDecoded(List<Prepared> prepared, List<Integer> ok, BooleanSupplier stop) {
    int batch = ok.size();
    int size = inputHeight() * inputWidth() * 3;
    float[] stacked = new float[batch * size];
    for (int k = 0; k < batch; k++) {
      System.arraycopy(prepared.get(ok.get(k)).tensor(), 0, stacked, k * size, size);
    }
    boolean gradients = methods.stream().anyMatch(m -> m.needs(MethodNeed.LAYER_GRADIENTS));
    List<ImageReport> reports = new ArrayList<>();
    try (ForwardPass pass = network.forward(stacked, batch, layer.position())) {
      float[][] probabilities = pass.probabilities();
      List<List<Integer>> targets = new ArrayList<>();
      for (int k = 0; k < batch; k++) {
        targets.add(targetsFor(probabilities[k]));
      }
      int rounds = targets.get(0).size();
      // One backward pass per round serves the whole batch; CAMs are then made image by image so a
      // stop request can end the run between images.
      List<List<LayerSignal>> signalsByRound = new ArrayList<>();
      for (int round = 0; round < rounds && gradients; round++) {
        int[] roundTargets = new int[batch];
        for (int k = 0; k < batch; k++) {
          roundTargets[k] = targets.get(k).get(round);
        }
        signalsByRound.add(pass.signals(roundTargets));
      }
      for (int k = 0; k < batch && !stop.getAsBoolean(); k++) {
        Prepared p = prepared.get(ok.get(k));
        List<HeatmapOutput> outputs = new ArrayList<>();
        List<MontageTile> tiles = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          int target = targets.get(k).get(round);
          ClassScore targetScore = new ClassScore(target, labels.name(target), probabilities[k][target]);
          LayerSignal signal = gradients ? signalsByRound.get(round).get(k) : pass.activations(k, target);
          Integer classTag = rounds > 1 ? target : null;
          for (CamMethod method : methods) {
            MaskScorer scorer = method.needs(MethodNeed.MASKED_INPUT_SCORER)
                ? network.maskScorer(p.tensor(), target, settings.batchSize())
                : null;
            Heatmap heatmap = CamComputation.compute(method, CamInputs.of(signal).withMaskScorer(scorer), inputHeight(), inputWidth());
            outputs.add(write(p.input(), p.image(), method.name(), classTag, targetScore, heatmap));
            if (settings.montage() != null) {
              tiles.add(new MontageTile(method.name() + " - " + targetScore.name() + " "
                  + probabilityText(targetScore.probability()), heatmap));
            }
          }
        }
        if (settings.montage() != null) {
          montageRows.add(new MontageRow(p.image(), tiles));
        }
        reports.add(new ImageReport(p.input().source(), ImageReport.Status.OK, null, layer.name(),
            topClasses(probabilities[k], 5), outputs, 0));
      }
    }
    return reports;
  }

  /**
   * Whether every output this run would write for {@code input} exists already, for
   * {@code --skip-existing}. With {@code --top-k} the classes are not known before the forward
   * pass, so K class-tagged overlays per method count as done.
   */
  public boolean outputsExist(ImageInput input) {
    List<Integer> classes = explicitClasses;
    boolean tagged = explicitClasses.size() > 1 || (explicitClasses.isEmpty() && settings.topK() > 1);
    for (CamMethod method : methods) {
      if (!classes.isEmpty() || !tagged) {
        List<Integer> tags = tagged ? classes : java.util.Collections.singletonList(null);
        for (Integer tag : tags) {
          if (!Files.isRegularFile(input.output(method.name(), tag, "png"))
              || (settings.npy() && !Files.isRegularFile(input.output(method.name(), tag, "npy")))) {
            return false;
          }
        }
      } else if (countTagged(input, method.name()) < settings.topK()) {
        return false;
      }
    }
    return true;
  }

  private long countTagged(ImageInput input, String method) {
    Path dir = input.outputBase().toAbsolutePath().getParent();
    String prefix = input.outputBase().getFileName() + "." + method + ".";
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString())
          .filter(name -> name.startsWith(prefix) && name.endsWith(".png")
              && name.substring(prefix.length(), name.length() - 4).matches("\\d+"))
          .filter(name -> !settings.npy()
              || Files.isRegularFile(dir.resolve(name.substring(0, name.length() - 4) + ".npy")))
          .count();
    } catch (IOException e) {
      return 0;
    }
  }

  private HeatmapOutput write(ImageInput input, DecodedImage image, String method, Integer classTag,
      ClassScore target, Heatmap heatmap) {
    Path png = input.output(method, classTag, "png");
    AtomicFiles.write(png, overlays.overlayPng(image, heatmap, settings.alpha()));
    Path npy = null;
    if (settings.npy()) {
      npy = input.output(method, classTag, "npy");
      AtomicFiles.write(npy, NpyFile.encode(heatmap.values(), heatmap.height(), heatmap.width()));
    }
    return new HeatmapOutput(method, target, png, npy);
  }

  private List<Integer> targetsFor(float[] probabilities) {
    if (!explicitClasses.isEmpty()) {
      return explicitClasses;
    }
    return topClasses(probabilities, settings.topK()).stream().map(ClassScore::index).toList();
  }

  private List<ClassScore> topClasses(float[] probabilities, int k) {
    return IntStream.range(0, probabilities.length)
        .boxed()
        .sorted(Comparator.<Integer>comparingDouble(c -> -probabilities[c]).thenComparingInt(c -> c))
        .limit(k)
        .map(c -> new ClassScore(c, labels.name(c), probabilities[c]))
        .toList();
  }

  /** Writes the montage of every image explained so far, if one was asked for. */
  public void writeMontage() {
    if (settings.montage() != null && !montageRows.isEmpty()) {
      AtomicFiles.write(settings.montage(), new dev.xaicam.image.Montage().png(montageRows, 256));
    }
  }

  /** 0.83 for ordinary probabilities, 1.2e-03 for tiny ones that would print as 0.00. */
  static String probabilityText(double p) {
    return String.format(Locale.ROOT, p >= 0.01 ? "%.2f" : "%.1e", p);
  }

  private int inputHeight() {
    return model.architecture().inputHeight();
  }

  private int inputWidth() {
    return model.architecture().inputWidth();
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** Frees the network's native memory. */
  @Override
  public void close() {
    network.close();
  }
}
