package dev.xaicam.explain;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.CamMethod;
import dev.xaicam.explain.CamRunner.Cam;
import dev.xaicam.explain.CamRunner.ImageCams;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.ImageDecoder;
import dev.xaicam.models.ModelCatalog;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.output.AtomicFile;
import dev.xaicam.output.GalleryFile;
import dev.xaicam.output.HeatmapFiles;
import dev.xaicam.output.ImageReport;
import dev.xaicam.output.ImageReport.ClassScore;
import dev.xaicam.output.ImageReport.HeatmapOutput;
import dev.xaicam.output.MontageFile;
import dev.xaicam.output.OutputLayout;
import dev.xaicam.output.OutputStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Explains images with one loaded network: decode and preprocess ({@link #prepare}), then a batch
 * through the {@link CamRunner}, each heatmap written as the run's {@link OutputLayout} says.
 *
 * <p>Why it is not split (it is over 300 lines): its one responsibility is an image's trip
 * through one loaded network, from decoding within the memory budget to the image's written
 * outputs, and its parts share the plan, the layout, the budgets and the network; the formats
 * themselves are already elsewhere ({@code output}), loading the network is {@link
 * NetworkLoader}'s, and a further split would pass that state around.
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
  /** The {@code --html} gallery page, or {@code null}. */
  private final GalleryFile gallery;
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

  private Explainer(ExplainSettings settings, RunPlan plan, GraphNetwork network, int images,
      OutputStore store) {
    this.plan = plan;
    this.layout = plan.layout(settings.npy(), settings.raw());
    this.files = new HeatmapFiles(layout, settings.alpha(), settings.colormap(), store);
    this.montage = settings.montage() == null ? null
        : new MontageFile(settings.montage(), settings.alpha(), settings.colormap(), plan.heading());
    List<String> methodNames = plan.methods().stream().map(CamMethod::name).toList();
    this.gallery = settings.html() == null ? null : GalleryFile.open(settings.html(), "xai-cam: "
        + String.join(", ", methodNames), plan.heading(), methodNames, settings.alpha(), settings.colormap());
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
   * Resolves the plan, then loads the network (library callers; batches padded to the batch size;
   * no loading line).
   */
  public static Explainer open(ExplainSettings settings, ModelCatalog catalog) {
    return open(settings, catalog, OutputStore.local());
  }

  /** As {@link #open(ExplainSettings, ModelCatalog)}, files going to {@code store} (a Spark job's). */
  public static Explainer open(ExplainSettings settings, ModelCatalog catalog, OutputStore store) {
    RunPlan plan = RunPlan.of(settings, catalog);
    return new Explainer(settings, plan, NetworkLoader.load(settings, plan, stage -> { }),
        settings.batchSize(), store);
  }

  /**
   * Loads the network for {@code plan} (which {@link RunPlan#of} resolved from {@code settings}
   * without natives) and makes the explainer.
   *
   * @param images how many images the run was given: batches are padded to at most that many rows
   * @param stage told what is being loaded ("loading vgg16 weights (553 MB)..."), which takes
   *     seconds
   */
  public static Explainer open(ExplainSettings settings, RunPlan plan, int images,
      Consumer<String> stage) {
    return new Explainer(settings, plan, NetworkLoader.load(settings, plan, stage), images,
        OutputStore.local());
  }

  /** Where this run's files go, for {@code --skip-existing}. */
  public OutputLayout layout() {
    return layout;
  }

  /** What this run does: model, labels, layer, methods, targets. */
  public RunPlan plan() {
    return plan;
  }

  /**
   * Decodes and preprocesses an image whose bytes are already in memory (the library API, a Spark
   * {@code binaryFile} row), with the checks and messages of a file.
   */
  public Prepared prepare(ImageInput input, byte[] bytes) {
    long t0 = System.nanoTime();
    try {
      DecodedImage image = decoder.decode(input.source(), bytes);
      return new Prepared(input, image, plan.input().toModelInput(image), null,
          System.nanoTime() - t0);
    } catch (XaiCamException e) {
      return Prepared.failed(input, e.getMessage(), System.nanoTime() - t0);
    }
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
   * Explains up to a batch of prepared images with one forward pass, handing each image's report
   * to {@code sink} as soon as it is written, in input order, failed images included; one image's
   * failure never stops the others. Once {@code stop} turns true (checked before each image, so
   * {@code --fail-fast} can end the batch at the failure just reported) no further image is
   * started, and the images not reached get no report: a resumed run redoes them.
   */
  public void explainPrepared(List<Prepared> prepared, BooleanSupplier stop, Consumer<ImageReport> sink) {
    try {
      explainBatch(prepared, stop, sink);
    } finally {
      for (Prepared p : prepared) {
        if (p.image() != null) {
          waiting.give(p.image().bgr().length);
        }
      }
    }
  }

  /** {@link #explainPrepared}, the kept pixels not yet given back. */
  private void explainBatch(List<Prepared> prepared, BooleanSupplier stop, Consumer<ImageReport> sink) {
    List<Integer> ok = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      if (prepared.get(i).error() == null) {
        ok.add(i);
      }
    }
    BatchReports reports = new BatchReports(prepared, stop, sink);
    reports.failedBefore(ok.isEmpty() ? prepared.size() : ok.get(0));
    if (ok.isEmpty() || stop.getAsBoolean()) {
      return;
    }
    List<float[]> inputs = ok.stream().map(i -> prepared.get(i).tensor()).toList();
    runner.run(inputs, batchSize, stop, cams -> {
      int i = ok.get(cams.index());
      reports.failedBefore(i);
      // A failure just reported may have stopped the run (--fail-fast): this image is then not written.
      if (!stop.getAsBoolean()) {
        reports.explained(i, write(prepared.get(i), cams));
      }
    });
    if (reports.next() > ok.get(ok.size() - 1)) {
      reports.failedBefore(prepared.size());
    }
  }

  /**
   * The reports of one batch, handed on in input order: an image that failed to decode is
   * reported just before the next explained image (or at the end), unless the run has stopped.
   */
  private static final class BatchReports {
    private final List<Prepared> prepared;
    private final BooleanSupplier stop;
    private final Consumer<ImageReport> sink;
    /** The first image not yet reported. */
    private int next;
    /** When the previous report went out: each image's time is the network's time since. */
    private long last = System.nanoTime();

    BatchReports(List<Prepared> prepared, BooleanSupplier stop, Consumer<ImageReport> sink) {
      this.prepared = prepared;
      this.stop = stop;
      this.sink = sink;
    }

    /** The first image not yet reported. */
    int next() {
      return next;
    }

    /** Reports the failed images before {@code end}, stopping as soon as the run is stopped. */
    void failedBefore(int end) {
      for (; next < end && !stop.getAsBoolean(); next++) {
        Prepared p = prepared.get(next);
        sink.accept(ImageReport.failed(p.input().source(), p.error(), p.nanos() / 1_000_000));
      }
    }

    /** Reports image {@code i}, just written, with its decoding time and the network's since the last report. */
    void explained(int i, ImageReport r) {
      long now = System.nanoTime();
      sink.accept(new ImageReport(r.input(), r.status(), r.error(), r.layer(), r.top5(), r.heatmaps(),
          (prepared.get(i).nanos() + now - last) / 1_000_000));
      last = now;
      next = i + 1;
    }
  }

  /**
   * Writes one image's heatmaps (and montage tiles) and reports them. What stops only this image
   * is its error report: output that is not a number, a file that cannot be decoded again, or an
   * output path of its own that cannot be written; a full disk or an unwritable folder stops the run.
   */
  public ImageReport write(Prepared p, ImageCams cams) {
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
        outputs.add(files.write(p.input().outputBase(), image, cam.method().name(), target, cam.heatmap(),
            cam.raw()));
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
    if (gallery != null) {
      addGalleryRows(image, top5.get(0), cams, outputs);
    }
    return new ImageReport(p.input().source(), ImageReport.Status.OK, null, plan.layer().name(), top5, outputs, 0);
  }

  /** One gallery row per class the image explains, an overlay per method in each. */
  private void addGalleryRows(DecodedImage image, ClassScore predicted, ImageCams cams, List<HeatmapOutput> outputs) {
    for (int target : cams.targets()) {
      List<GalleryFile.Overlay> overlays = new ArrayList<>();
      for (int c = 0; c < cams.cams().size(); c++) {
        Cam cam = cams.cams().get(c);
        if (cam.target() == target) {
          overlays.add(new GalleryFile.Overlay(cam.method().name(), cam.heatmap(), outputs.get(c).png()));
        }
      }
      gallery.add(image, predicted, score(cams.probabilities(), target), overlays);
    }
  }

  /** Whether every probability and heatmap value of an image is a finite number. */
  static boolean finite(ImageCams cams) {
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

  /** Writes the montage and puts the gallery page in place, of every image explained so far, if asked for. */
  public void writeFigures() {
    if (montage != null) {
      montage.write();
    }
    if (gallery != null) {
      gallery.finish();
    }
  }

  /** Frees the network's native memory, and drops an unfinished gallery page. */
  @Override
  public void close() {
    try {
      network.close();
    } finally {
      if (gallery != null) {
        gallery.close();
      }
    }
  }
}
