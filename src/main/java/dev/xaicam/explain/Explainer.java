package dev.xaicam.explain;

import dev.xaicam.XaiCamException;
import dev.xaicam.explain.CamRunner.Cam;
import dev.xaicam.explain.CamRunner.ImageCams;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.ImageDecoder;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.models.FiniteWeights;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.Precision;
import dev.xaicam.network.WeightArray;
import dev.xaicam.output.AtomicFile;
import dev.xaicam.output.HeatmapFiles;
import dev.xaicam.output.ImageReport;
import dev.xaicam.output.ImageReport.ClassScore;
import dev.xaicam.output.ImageReport.HeatmapOutput;
import dev.xaicam.output.MontageFile;
import dev.xaicam.output.OutputLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

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
  private final GraphNetwork network;
  /** The per-batch flow. */
  private final CamRunner runner;
  /** Images per forward pass: partial batches are padded to it. */
  private final int batchSize;
  /** Decoded pixels kept from decoding until the overlay is written. */
  private final MemoryBudget waiting;
  /** Images being decoded at once, by the heap their decoding takes. */
  private final MemoryBudget decoding;

  private Explainer(ExplainSettings settings, RunPlan plan, GraphNetwork network, int images) {
    this.plan = plan;
    this.layout = plan.layout(settings.npy());
    this.files = new HeatmapFiles(layout, settings.alpha());
    this.montage = settings.montage() == null ? null : new MontageFile(settings.montage());
    this.decoder = new ImageDecoder(settings.maxPixels());
    this.network = network;
    this.runner = new CamRunner(network, plan.layer(), plan.methods(), plan.targets(), settings.batchSize());
    // Never more rows than the run has images: one image is a batch of one, not 31 zero images
    // more (TensorFlow's kernels depend on the row count, so a resumed run, given the same
    // images, still pads to the same count).
    this.batchSize = Math.max(1, Math.min(settings.batchSize(), images));
    // A quarter of the heap each for pixels waiting and for decoding leaves half for the rest.
    long quarter = Runtime.getRuntime().maxMemory() / 4;
    this.waiting = new MemoryBudget(quarter);
    this.decoding = new MemoryBudget(quarter);
  }

  /**
   * Resolves the plan, then loads the network (library callers; batches padded to the batch size).
   */
  public static Explainer open(ExplainSettings settings, ModelCatalog catalog) {
    RunPlan plan = RunPlan.of(settings, catalog);
    return open(settings, plan, settings.batchSize());
  }

  /**
   * Loads the network for {@code plan} (which {@link RunPlan#of} resolved from {@code settings}
   * without natives) and makes the explainer.
   *
   * @param images how many images the run was given: batches are padded to at most that many rows
   */
  public static Explainer open(ExplainSettings settings, RunPlan plan, int images) {
    return new Explainer(settings, plan, loadNetwork(settings, plan), images);
  }

  /**
   * Sizes TensorFlow's threads, loads the plan's weights (non-finite values refused) and builds
   * the network in the settings' precision: what every command running a network does first.
   */
  public static GraphNetwork loadNetwork(ExplainSettings settings, RunPlan plan) {
    if (settings.threads() != null) {
      TensorRuntime.shared().useThreads(settings.threads());
    }
    ModelWeights weights = plan.model().weights().load(settings.weights(), settings.offline());
    // Mapped arrays come from a weight cache written only from weights that passed this check.
    weights.byLayer().forEach((name, arrays) -> FiniteWeights.check(name,
        arrays.stream().filter(a -> a.mappedBytes() == null).map(WeightArray::values).toList()));
    GraphNetwork network = GraphNetwork.create(plan.graph(), weights, TensorRuntime.shared(),
        settings.float64() ? Precision.FLOAT64 : Precision.FLOAT32);
    // The heap copy of the weights (553 MB for VGG16) is garbage now that TensorFlow holds them;
    // collecting it once lets the JVM hand that memory back before a long run.
    weights = null;
    System.gc();
    return network;
  }

  /** Where this run's files go, for {@code --skip-existing}. */
  public OutputLayout layout() {
    return layout;
  }

  /**
   * Decodes and preprocesses one image; safe to call from several threads at once. Decoding waits
   * while other images being decoded hold the heap it needs; the decoded pixels are kept for the
   * overlay only while those waiting fit their budget, otherwise the file is decoded again when
   * its overlay is written.
   */
  public Prepared prepare(ImageInput input) {
    long t0 = System.nanoTime();
    try {
      ImageDecoder.Header header = decoder.inspect(input.source());
      DecodedImage image;
      float[] tensor;
      decoding.take(header.decodingBytes());
      try {
        image = decoder.decode(header);
        tensor = plan.input().toModelInput(image);
      } finally {
        decoding.give(header.decodingBytes());
      }
      boolean keep = waiting.tryTake(image.bgr().length);
      return new Prepared(input, keep ? image : null, tensor, null, System.nanoTime() - t0);
    } catch (XaiCamException e) {
      return Prepared.failed(input, e.getMessage(), System.nanoTime() - t0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Prepared.failed(input, input.source() + ": interrupted", System.nanoTime() - t0);
    }
  }

  /** The pixels of a prepared image: those kept, or the file decoded again within the decoding budget. */
  private DecodedImage pixels(Prepared p) {
    if (p.image() != null) {
      return p.image();
    }
    ImageDecoder.Header header = decoder.inspect(p.input().source());
    try {
      decoding.take(header.decodingBytes());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw XaiCamException.badInput(p.input().source(), "interrupted");
    }
    try {
      return decoder.decode(header);
    } finally {
      decoding.give(header.decodingBytes());
    }
  }

  /**
   * Explains up to a batch of prepared images with one forward pass; the reports come back in
   * input order, failed images included, and one image's failure never stops the others. Once
   * {@code stop} turns true no further image is started: the reports then cover only the images
   * finished (and the failed ones before them).
   */
  public List<ImageReport> explainPrepared(List<Prepared> prepared, BooleanSupplier stop) {
    try {
      return explainBatch(prepared, stop);
    } finally {
      for (Prepared p : prepared) {
        if (p.image() != null) {
          waiting.give(p.image().bgr().length);
        }
      }
    }
  }

  /** {@link #explainPrepared}, the kept pixels not yet given back. */
  private List<ImageReport> explainBatch(List<Prepared> prepared, BooleanSupplier stop) {
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
      runner.run(inputs, batchSize, stop, cams -> done.add(write(prepared.get(ok.get(cams.index())), cams)));
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
   * Writes one image's heatmaps (and montage tiles) and reports them. What stops only this image
   * is its error report: output that is not a number, a file that cannot be decoded again, or an
   * output path of its own that cannot be written; a full disk or an unwritable folder stops the run.
   */
  private ImageReport write(Prepared p, ImageCams cams) {
    Path source = p.input().source();
    if (!finite(cams)) {
      return ImageReport.failed(source, source + ": the network's output is not finite (NaN or infinity:"
          + " an overflow inside the network), so this image cannot be explained", 0);
    }
    List<HeatmapOutput> outputs = new ArrayList<>();
    DecodedImage image;
    try {
      image = pixels(p);
      for (Cam cam : cams.cams()) {
        ClassScore target = score(cams.probabilities(), cam.target());
        outputs.add(files.write(p.input().outputBase(), image, cam.method().name(), target, cam.heatmap()));
      }
    } catch (XaiCamException e) {
      if (e.exitCode() == XaiCamException.EXIT_SETUP && !AtomicFile.onlyThisFile(e)) {
        throw e;
      }
      return ImageReport.failed(source, e.exitCode() == XaiCamException.EXIT_SETUP ? source + ": " + e.getMessage()
          : e.getMessage(), 0);
    }
    if (montage != null) {
      for (Cam cam : cams.cams()) {
        montage.addTile(cam.method().name(), score(cams.probabilities(), cam.target()), cam.heatmap());
      }
      montage.endRow(image);
    }
    List<ClassScore> top5 = Targets.ranked(cams.probabilities(), 5).stream()
        .map(c -> score(cams.probabilities(), c)).toList();
    return new ImageReport(p.input().source(), ImageReport.Status.OK, null, plan.layer().name(), top5, outputs, 0);
  }

  /** Whether every probability and heatmap value of an image is a finite number. */
  private static boolean finite(ImageCams cams) {
    for (float p : cams.probabilities()) {
      if (!Float.isFinite(p)) {
        return false;
      }
    }
    for (Cam cam : cams.cams()) {
      for (float v : cam.heatmap().values()) {
        if (!Float.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
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
