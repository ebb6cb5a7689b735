package dev.xaicam.api;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.Heatmap;
import dev.xaicam.explain.CamRunner.Cam;
import dev.xaicam.explain.CamRunner.ImageCams;
import dev.xaicam.explain.ExplainSettings;
import dev.xaicam.explain.Explainer;
import dev.xaicam.explain.ImageInput;
import dev.xaicam.explain.Prepared;
import dev.xaicam.explain.RunPlan;
import dev.xaicam.explain.Targets;
import dev.xaicam.models.DownloadListener;
import dev.xaicam.models.ModelCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * xai-cam from Java: one loaded network that explains images in memory, through the same
 * {@code Explainer} and per-batch flow as the command line, so a map here equals the command
 * line's {@code .npy} for the same image and options.
 *
 * <pre>{@code
 * try (XaiCam cam = XaiCam.builder().model("demo").methods("gradcam", "scorecam").build()) {
 *   Explanation e = cam.explain(Path.of("samples/shapes/00_cross.png"));
 *   ClassProbability top = e.topClasses(1).get(0);  // e.g. 0 "cross" 0.98
 *   float[][] gradcam = e.map("gradcam");           // 64 x 64 for the demo model, values in [0, 1]
 *   float[][] scorecam = e.map("scorecam");
 * }
 * }</pre>
 *
 * <p>The network's weights live in TensorFlow's native memory until {@link #close()}: open it in
 * try-with-resources and keep one per process, reused for every image. It is thread-safe: decoding
 * runs in the calling thread, and the network serves one image at a time (TensorFlow already
 * spreads each operation over every core). Failures are {@link XaiCamException}s: a bad image with
 * exit code 1 and a one-line message naming it, a wrong setting with 2, missing weights or natives
 * with 3.
 */
public final class XaiCam implements AutoCloseable {
  /** Name given to images passed as bytes, in messages. */
  static final Path BYTES_NAME = Path.of("image bytes");

  /** The loaded network and the run's plan. */
  private final Explainer explainer;
  /** Whether {@link #close()} has freed the network. */
  private boolean closed;

  private XaiCam(Explainer explainer) {
    this.explainer = explainer;
  }

  /** Settings with the command line's defaults ({@code vgg16}, Grad-CAM, the top class). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Explains the image file at {@code image}.
   *
   * @throws XaiCamException (exit code 1) naming the file when it is missing or not a usable image
   */
  public Explanation explain(Path image) {
    return explain(image, input -> explainer.prepare(input));
  }

  /**
   * Explains an encoded image (PNG, JPEG, BMP, TIFF, WebP, PNM file contents) held in memory.
   *
   * @throws XaiCamException (exit code 1) when the bytes are not a usable image
   */
  public Explanation explain(byte[] encoded) {
    return explain(BYTES_NAME, input -> explainer.prepare(input, encoded));
  }

  /** Decodes in the caller's thread, then runs the network, one caller at a time. */
  private Explanation explain(Path name, Function<ImageInput, Prepared> prepare) {
    Prepared prepared = prepare.apply(new ImageInput(name, name));
    if (prepared.error() != null) {
      // The error line already starts with the name; keep exactly the command line's message.
      throw XaiCamException.badInput(name, prepared.error().substring(name.toString().length() + 2));
    }
    ImageCams cams;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("this XaiCam is closed");
      }
      cams = explainer.compute(List.of(prepared)).get(0);
    }
    return explanation(cams);
  }

  /** The API's view of one image's results. */
  private Explanation explanation(ImageCams cams) {
    RunPlan plan = explainer.plan();
    float[] probabilities = cams.probabilities();
    Function<Integer, ClassProbability> score =
        i -> new ClassProbability(i, plan.labels().name(i), probabilities[i]);
    List<CamMap> maps = new ArrayList<>();
    for (Cam cam : cams.cams()) {
      maps.add(new CamMap(cam.method().name(), score.apply(cam.target()), rows(cam.heatmap())));
    }
    List<ClassProbability> ranked =
        Targets.ranked(probabilities, probabilities.length).stream().map(score).toList();
    return new Explanation(plan.layer().name(), probabilities, ranked,
        cams.targets().stream().map(score).toList(), maps);
  }

  /** The heatmap's row-major values as rows. */
  private static float[][] rows(Heatmap heatmap) {
    float[][] rows = new float[heatmap.height()][heatmap.width()];
    for (int y = 0; y < heatmap.height(); y++) {
      System.arraycopy(heatmap.values(), y * heatmap.width(), rows[y], 0, heatmap.width());
    }
    return rows;
  }

  /** The CAM methods run, by the names {@link Explanation#map(String)} takes, in order. */
  public List<String> methods() {
    return explainer.plan().methods().stream().map(m -> m.name()).toList();
  }

  /** Frees the network's native memory; later calls to {@code explain} fail. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      explainer.close();
    }
  }

  /**
   * What to explain and how; each setting is the command line option of the same name, with the
   * same default and the same checks in {@link #build()}.
   */
  public static final class Builder {
    /** The settings being collected: the command line's own builder. */
    private final ExplainSettings.Builder settings = ExplainSettings.builder();

    private Builder() {}

    /** {@code --model}: a built-in model, {@code vgg16} (default) or {@code demo}. */
    public Builder model(String name) {
      settings.model(name);
      return this;
    }

    /** {@code --weights}: an explicit weight file instead of the caches and the download. */
    public Builder weights(Path file) {
      settings.weights(file);
      return this;
    }

    /** {@code --offline}: never download weights. */
    public Builder offline(boolean offline) {
      settings.offline(offline);
      return this;
    }

    /** {@code --method}: CAM methods ({@code gradcam}, {@code gradcam++}, {@code scorecam}, ...). */
    public Builder methods(String... names) {
      settings.methods(List.of(names));
      return this;
    }

    /** {@code --layer}: the target layer's name or index (default: the last convolution). */
    public Builder layer(String nameOrIndex) {
      settings.layer(nameOrIndex);
      return this;
    }

    /** {@code --class}: classes to explain, by index or name (default: the top prediction). */
    public Builder classes(String... classes) {
      settings.classes(List.of(classes));
      return this;
    }

    /** {@code --top-k}: explain each of the top {@code k} classes. */
    public Builder topK(int k) {
      settings.topK(k);
      return this;
    }

    /** {@code --batch-size}: masked inputs per Score-CAM forward pass. */
    public Builder batchSize(int size) {
      settings.batchSize(size);
      return this;
    }

    /** {@code --max-n}: channels Faster-Score-CAM evaluates. */
    public Builder maxN(int channels) {
      settings.maxN(channels);
      return this;
    }

    /** {@code --max-pixels}: refuse images declaring more pixels. */
    public Builder maxPixels(long pixels) {
      settings.maxPixels(pixels);
      return this;
    }

    /** {@code --float64}: compute in float64. */
    public Builder float64(boolean float64) {
      settings.float64(float64);
      return this;
    }

    /**
     * {@code --threads}: TensorFlow threads; TensorFlow fixes them when it starts, so only the
     * first network of a process may set them.
     */
    public Builder threads(int threads) {
      settings.threads(threads);
      return this;
    }

    /**
     * Checks the settings, loads the weights (a download for VGG16 unless cached or offline) and
     * builds the network.
     *
     * @throws XaiCamException for a wrong setting (exit code 2) or missing weights or natives (3)
     */
    public XaiCam build() {
      return new XaiCam(Explainer.open(settings.build(), ModelCatalog.builtIn(DownloadListener.SILENT)));
    }
  }
}
