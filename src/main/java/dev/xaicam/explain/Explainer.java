package dev.xaicam.explain;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.CamRunner.Cam;
import dev.xaicam.explain.CamRunner.ImageCams;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.ImageDecoder;
import dev.xaicam.model.ModelWeights;
import dev.xaicam.model.Network;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.output.HeatmapFiles;
import dev.xaicam.output.ImageReport;
import dev.xaicam.output.ImageReport.ClassScore;
import dev.xaicam.output.ImageReport.HeatmapOutput;
import dev.xaicam.output.MontageFile;
import dev.xaicam.output.OutputLayout;
import dev.xaicam.output.OutputStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Explains images with one loaded network: decode and preprocess ({@link #prepare}), then a batch
 * through the {@link CamRunner}, each heatmap written as the run's {@link OutputLayout} says.
 */
public final class Explainer implements AutoCloseable {
  /** What the run does. */
  private final RunPlan plan;
  /** Where its files go. */
  private final OutputLayout layout;
  /** Writes each heatmap's files. */
  private final HeatmapFiles files;
  /** The {@code --montage} picture, or {@code null}. */
  private final MontageFile montage;
  /** Decodes images, with the run's pixel limit. */
  private final ImageDecoder decoder;
  /** The loaded network. */
  private final Network network;
  /** The per-batch flow. */
  private final CamRunner runner;

  private Explainer(ExplainSettings settings, RunPlan plan, Network network, OutputStore store) {
    this.plan = plan;
    this.layout = plan.layout(settings.npy());
    this.files = new HeatmapFiles(layout, settings.alpha(), store);
    this.montage = settings.montage() == null ? null : new MontageFile(settings.montage());
    this.decoder = new ImageDecoder(settings.maxPixels());
    this.network = network;
    this.runner = new CamRunner(network, plan.layer(), plan.methods(), plan.targets(), settings.batchSize());
  }

  /**
   * Resolves the plan, then sizes TensorFlow's threads, loads the weights and builds the network;
   * files go to the local disk.
   */
  public static Explainer open(ExplainSettings settings, ModelCatalog catalog) {
    return open(settings, catalog, OutputStore.local());
  }

  /** As {@link #open(ExplainSettings, ModelCatalog)}, files written into {@code store} (the Spark job's). */
  public static Explainer open(ExplainSettings settings, ModelCatalog catalog, OutputStore store) {
    RunPlan plan = RunPlan.of(settings, catalog);
    if (settings.threads() != null) {
      Network.useThreads(settings.threads());
    }
    ModelWeights weights = plan.model().weights().load(settings.weights(), settings.offline());
    Network network = Network.create(plan.model().architecture(), weights, settings.float64());
    // The heap copy of the weights (553 MB for VGG16) is garbage now that TensorFlow holds them;
    // collecting it once lets the JVM hand that memory back before a long run.
    weights = null;
    System.gc();
    return new Explainer(settings, plan, network, store);
  }

  /** What this run does: model, labels, layer, methods, targets. */
  public RunPlan plan() {
    return plan;
  }

  /** Where this run's files go, for {@code --skip-existing}. */
  public OutputLayout layout() {
    return layout;
  }

  /** Decodes and preprocesses one image; safe to call from several threads at once. */
  public Prepared prepare(ImageInput input) {
    return prepare(input, () -> decoder.decode(input.source()));
  }

  /**
   * Decodes and preprocesses an image file's bytes already in memory, named by {@code input}'s
   * source; safe to call from several threads at once.
   */
  public Prepared prepare(ImageInput input, byte[] bytes) {
    return prepare(input, () -> decoder.decode(input.source(), bytes));
  }

  /** Preprocesses what {@code decode} gives, or records its one-line failure. */
  private Prepared prepare(ImageInput input, Supplier<DecodedImage> decode) {
    long t0 = System.nanoTime();
    try {
      DecodedImage image = decode.get();
      int height = plan.model().architecture().inputHeight();
      int width = plan.model().architecture().inputWidth();
      float[] tensor = plan.model().preprocessing().toModelInput(image, height, width);
      return new Prepared(input, image, tensor, null, System.nanoTime() - t0);
    } catch (XaiCamException e) {
      return Prepared.failed(input, e.getMessage(), System.nanoTime() - t0);
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
      List<ImageReport> done = new ArrayList<>();
      List<float[]> inputs = ok.stream().map(i -> prepared.get(i).tensor()).toList();
      runner.run(inputs, stop, cams -> done.add(write(prepared.get(ok.get(cams.index())), cams)));
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
        if (ok.contains(i)) {
          break;
        }
        continue;
      }
      finished.add(reports[i]);
    }
    return finished;
  }

  /**
   * Runs successfully prepared images through the {@link CamRunner} as one batch and returns
   * their maps in order, writing nothing (the library API and the Spark job, which writes the
   * files itself with {@link #write}). Not thread-safe: one batch at a time per network.
   */
  public List<ImageCams> compute(List<Prepared> prepared) {
    for (Prepared p : prepared) {
      if (p.error() != null) {
        throw new IllegalArgumentException("cannot compute a failed image: " + p.error());
      }
    }
    List<ImageCams> cams = new ArrayList<>();
    if (!prepared.isEmpty()) {
      runner.run(prepared.stream().map(Prepared::tensor).toList(), () -> false, cams::add);
    }
    return cams;
  }

  /** Writes one image's heatmaps (and montage tiles) and reports them; time is left at 0. */
  public ImageReport write(Prepared p, ImageCams cams) {
    List<HeatmapOutput> outputs = new ArrayList<>();
    for (Cam cam : cams.cams()) {
      ClassScore target = score(cams.probabilities(), cam.target());
      outputs.add(files.write(p.input().outputBase(), p.image(), cam.method().name(), target, cam.heatmap()));
      if (montage != null) {
        montage.addTile(cam.method().name(), target, cam.heatmap());
      }
    }
    if (montage != null) {
      montage.endRow(p.image());
    }
    List<ClassScore> top5 = Targets.ranked(cams.probabilities(), 5).stream()
        .map(c -> score(cams.probabilities(), c)).toList();
    return new ImageReport(p.input().source(), ImageReport.Status.OK, null, plan.layer().name(), top5, outputs, 0);
  }

  /** Class {@code index} with its name and probability. */
  private ClassScore score(float[] probabilities, int index) {
    return new ClassScore(index, plan.labels().name(index), probabilities[index]);
  }

  /** Writes the montage of every image explained so far, if one was asked for. */
  public void writeMontage() {
    if (montage != null) {
      montage.write();
    }
  }

  /** Frees the network's native memory. */
  @Override
  public void close() {
    network.close();
  }
}
