package dev.xaicam.explain;

import dev.xaicam.cam.CamOptions;
import dev.xaicam.image.Colormap;
import dev.xaicam.image.ImageDecoder;
import dev.xaicam.image.Preprocessing;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything an explain run is told before it reads its first image: immutable, made with
 * {@link #builder()}, checked once in {@link Builder#build()}. The defaults are the constants
 * below; the command line's options name them, so each default is written once.
 *
 * <p>Why it is not split (it is over 300 lines): every option is a field, an accessor, a builder
 * setter and a check in {@code build()}, and some checks need each other (for example
 * {@code --class} against {@code --top-k}); splitting the options into groups would scatter those
 * cross-checks, so the length is the price of one immutable, validated configuration.
 */
public final class ExplainSettings {
  /** Model explained unless {@code --model} says otherwise. */
  public static final String DEFAULT_MODEL = "vgg16";
  /** The overlays' colour map unless {@code --colormap} says otherwise: JET, as the notebooks. */
  public static final String DEFAULT_COLORMAP = "jet";
  /** CAM method run unless {@code --method} says otherwise. */
  public static final String DEFAULT_METHOD = "gradcam";
  /** Top classes explained per image. */
  public static final int DEFAULT_TOP_K = 1;
  /** {@link #DEFAULT_TOP_K} as picocli's default text. */
  public static final String DEFAULT_TOP_K_TEXT = "" + DEFAULT_TOP_K;
  /** Overlay opacity. */
  public static final double DEFAULT_ALPHA = 0.5;
  /** {@link #DEFAULT_ALPHA} as picocli's default text. */
  public static final String DEFAULT_ALPHA_TEXT = "" + DEFAULT_ALPHA;
  /** Images per forward pass, and masked inputs per Score-CAM pass. */
  public static final int DEFAULT_BATCH_SIZE = 32;
  /** {@link #DEFAULT_BATCH_SIZE} as picocli's default text. */
  public static final String DEFAULT_BATCH_SIZE_TEXT = "" + DEFAULT_BATCH_SIZE;
  /**
   * The largest batch: the network's memory grows with it (VGG16 needs about 0.4 GB of
   * activations per image in a forward and backward pass), and larger batches are no faster.
   */
  public static final int MAX_BATCH_SIZE = 256;
  /** TensorFlow threads allowed per core: more only adds switching and memory. */
  public static final int MAX_THREADS_PER_CORE = 4;
  /** Channels Faster-Score-CAM evaluates: the CAM stage's own default. */
  public static final int DEFAULT_MAX_N = CamOptions.DEFAULT_MAX_N;
  /** {@link #DEFAULT_MAX_N} as picocli's default text. */
  public static final String DEFAULT_MAX_N_TEXT = "" + DEFAULT_MAX_N;
  /** SmoothGrad's noisy copies: the CAM stage's own default. */
  public static final int DEFAULT_SMOOTH_SAMPLES = CamOptions.DEFAULT_SMOOTH_SAMPLES;
  /** {@link #DEFAULT_SMOOTH_SAMPLES} as picocli's default text. */
  public static final String DEFAULT_SMOOTH_SAMPLES_TEXT = "" + DEFAULT_SMOOTH_SAMPLES;
  /** SmoothGrad's noise as a fraction of the input's range: the CAM stage's own default. */
  public static final double DEFAULT_SMOOTH_NOISE = CamOptions.DEFAULT_SMOOTH_NOISE;
  /** {@link #DEFAULT_SMOOTH_NOISE} as picocli's default text. */
  public static final String DEFAULT_SMOOTH_NOISE_TEXT = "" + DEFAULT_SMOOTH_NOISE;
  /** The seed of SmoothGrad's noise: the CAM stage's own default. */
  public static final long DEFAULT_SEED = CamOptions.DEFAULT_SEED;
  /** {@link #DEFAULT_SEED} as picocli's default text. */
  public static final String DEFAULT_SEED_TEXT = "" + DEFAULT_SEED;
  /** The most noisy copies SmoothGrad makes per image: each costs a forward and backward pass. */
  public static final int MAX_SMOOTH_SAMPLES = 10_000;
  /** The largest {@code --max-pixels}: the decoded samples must fit one Java array. */
  public static final long MAX_MAX_PIXELS = ImageDecoder.LARGEST_MAX_PIXELS;
  /** Largest declared image size decoded: the decoder's own default. */
  public static final long DEFAULT_MAX_PIXELS = ImageDecoder.DEFAULT_MAX_PIXELS;
  /** {@link #DEFAULT_MAX_PIXELS} as picocli's default text. */
  public static final String DEFAULT_MAX_PIXELS_TEXT = "" + DEFAULT_MAX_PIXELS;

  /** Largest model input side {@code --input-size} accepts. */
  public static final int MAX_INPUT_EDGE = 4096;

  private final String model;
  private final Path weights;
  private final boolean offline;
  private final List<String> methods;
  private final String layer;
  private final List<String> classes;
  private final int topK;
  private final double alpha;
  private final boolean npy;
  private final int batchSize;
  private final Integer maxN;
  private final int smoothSamples;
  private final double smoothNoise;
  private final long seed;
  private final long maxPixels;
  private final Path montage;
  private final boolean float64;
  private final Integer threads;
  private final Preprocessing preprocess;
  private final boolean bgr;
  private final Path labels;
  private final int[] inputSize;
  private final Colormap colormap;
  private final boolean raw;
  private final Path html;

  private ExplainSettings(Builder b) {
    model = b.model;
    weights = b.weights;
    offline = b.offline;
    methods = List.copyOf(b.methods);
    layer = b.layer;
    classes = List.copyOf(b.classes);
    topK = b.topK;
    alpha = b.alpha;
    npy = b.npy;
    batchSize = b.batchSize;
    maxN = b.maxN;
    smoothSamples = b.smoothSamples;
    smoothNoise = b.smoothNoise;
    seed = b.seed;
    maxPixels = b.maxPixels;
    montage = b.montage;
    float64 = b.float64;
    threads = b.threads;
    preprocess = b.preprocess;
    bgr = b.bgr;
    labels = b.labels;
    inputSize = b.inputSize == null ? null : b.inputSize.clone();
    colormap = b.colormap;
    raw = b.raw;
    html = b.html;
  }

  /** A builder holding every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Model name from the catalog ({@code vgg16}, ...). */
  public String model() {
    return model;
  }

  /** An explicit weight file, or {@code null} to look in the caches. */
  public Path weights() {
    return weights;
  }

  /** Whether a missing weight file may not be downloaded. */
  public boolean offline() {
    return offline;
  }

  /** CAM method names as typed (aliases allowed), at least one. */
  public List<String> methods() {
    return methods;
  }

  /** Target layer name or index, or {@code null} for the last convolution. */
  public String layer() {
    return layer;
  }

  /** Target classes as typed (index or name); empty for the top prediction(s). */
  public List<String> classes() {
    return classes;
  }

  /** How many top classes each image explains when {@link #classes()} is empty. */
  public int topK() {
    return topK;
  }

  /** Overlay opacity in [0, 1]. */
  public double alpha() {
    return alpha;
  }

  /** Whether each normalised heatmap is also written as {@code .npy}. */
  public boolean npy() {
    return npy;
  }

  /** Images per forward pass, and masked inputs per Score-CAM forward pass. */
  public int batchSize() {
    return batchSize;
  }

  /** Channels Faster-Score-CAM evaluates. */
  public int maxN() {
    return maxN == null ? DEFAULT_MAX_N : maxN;
  }

  /** Whether {@code --max-n} was given (it then needs a method that reads it). */
  public boolean maxNGiven() {
    return maxN != null;
  }

  /** SmoothGrad's number of noisy copies. */
  public int smoothSamples() {
    return smoothSamples;
  }

  /** SmoothGrad's noise standard deviation as a fraction of the input's range. */
  public double smoothNoise() {
    return smoothNoise;
  }

  /** The seed of SmoothGrad's noise. */
  public long seed() {
    return seed;
  }

  /** The options the CAM methods are made with. */
  public CamOptions camOptions() {
    return new CamOptions(maxN()).withSmoothing(smoothSamples, smoothNoise, seed);
  }

  /** Largest declared image size decoded. */
  public long maxPixels() {
    return maxPixels;
  }

  /** A montage picture to write at the end, or {@code null}. */
  public Path montage() {
    return montage;
  }

  /** Whether the network computes in float64 instead of float32. */
  public boolean float64() {
    return float64;
  }

  /** The preprocessing mode asked for, or {@code null} for the model's own. */
  public Preprocessing preprocess() {
    return preprocess;
  }

  /** Whether the model is fed BGR channel order instead of RGB. */
  public boolean bgr() {
    return bgr;
  }

  /** A class-names file, or {@code null} for the model's own names. */
  public Path labels() {
    return labels;
  }

  /** The model input size {height, width} asked for, or {@code null} for the model's own. */
  public int[] inputSize() {
    return inputSize == null ? null : inputSize.clone();
  }

  /** TensorFlow threads, or {@code null} for TensorFlow's default (all cores). */
  public Integer threads() {
    return threads;
  }

  /** The colour map of overlays, montage and gallery. */
  public Colormap colormap() {
    return colormap;
  }

  /** Whether each method's raw map (layer resolution, before ReLU and normalisation) is written too. */
  public boolean raw() {
    return raw;
  }

  /** The {@code --html} gallery page to write, or {@code null}. */
  public Path html() {
    return html;
  }

  /** The most TensorFlow threads {@code --threads} may ask for on this machine. */
  public static int maxThreads() {
    return MAX_THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
  }

  /** Collects settings; {@link #build()} checks them all, naming the option at fault. */
  public static final class Builder {
    private String model = DEFAULT_MODEL;
    private Path weights;
    private boolean offline;
    private List<String> methods = List.of(DEFAULT_METHOD);
    private String layer;
    private List<String> classes = List.of();
    private int topK = DEFAULT_TOP_K;
    private double alpha = DEFAULT_ALPHA;
    private boolean npy;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Integer maxN;
    private int smoothSamples = DEFAULT_SMOOTH_SAMPLES;
    private double smoothNoise = DEFAULT_SMOOTH_NOISE;
    private long seed = DEFAULT_SEED;
    private long maxPixels = DEFAULT_MAX_PIXELS;
    private Path montage;
    private boolean float64;
    private Integer threads;
    private Preprocessing preprocess;
    private boolean bgr;
    private Path labels;
    private int[] inputSize;
    private Colormap colormap = Colormap.valueOf(DEFAULT_COLORMAP.toUpperCase(Locale.ROOT));
    private boolean raw;
    private Path html;

    private Builder() {}

    /** Sets {@link ExplainSettings#colormap()}. */
    public Builder colormap(Colormap value) {
      colormap = Objects.requireNonNull(value, "colormap");
      return this;
    }

    /** Sets {@link ExplainSettings#raw()}. */
    public Builder raw(boolean value) {
      raw = value;
      return this;
    }

    /** Sets {@link ExplainSettings#html()}. */
    public Builder html(Path value) {
      html = value;
      return this;
    }

    /** Sets {@link ExplainSettings#preprocess()}. */
    public Builder preprocess(Preprocessing value) {
      preprocess = value;
      return this;
    }

    /** Sets {@link ExplainSettings#bgr()}. */
    public Builder bgr(boolean value) {
      bgr = value;
      return this;
    }

    /** Sets {@link ExplainSettings#labels()}. */
    public Builder labels(Path value) {
      labels = value;
      return this;
    }

    /** Sets {@link ExplainSettings#inputSize()}: {height, width}, or null. */
    public Builder inputSize(int[] value) {
      inputSize = value == null ? null : value.clone();
      return this;
    }

    /** Sets {@link ExplainSettings#model()}. */
    public Builder model(String value) {
      model = value;
      return this;
    }

    /** Sets {@link ExplainSettings#weights()}. */
    public Builder weights(Path value) {
      weights = value;
      return this;
    }

    /** Sets {@link ExplainSettings#offline()}. */
    public Builder offline(boolean value) {
      offline = value;
      return this;
    }

    /** Sets {@link ExplainSettings#methods()}. */
    public Builder methods(List<String> value) {
      methods = List.copyOf(value);
      return this;
    }

    /** Sets {@link ExplainSettings#layer()}. */
    public Builder layer(String value) {
      layer = value;
      return this;
    }

    /** Sets {@link ExplainSettings#classes()}. */
    public Builder classes(List<String> value) {
      classes = List.copyOf(value);
      return this;
    }

    /** Sets {@link ExplainSettings#topK()}. */
    public Builder topK(int value) {
      topK = value;
      return this;
    }

    /** Sets {@link ExplainSettings#alpha()}. */
    public Builder alpha(double value) {
      alpha = value;
      return this;
    }

    /** Sets {@link ExplainSettings#npy()}. */
    public Builder npy(boolean value) {
      npy = value;
      return this;
    }

    /** Sets {@link ExplainSettings#batchSize()}. */
    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    /** Sets {@link ExplainSettings#maxN()}; {@code null} leaves the default (not given). */
    public Builder maxN(Integer value) {
      maxN = value;
      return this;
    }

    /** Sets {@link ExplainSettings#smoothSamples()}. */
    public Builder smoothSamples(int value) {
      smoothSamples = value;
      return this;
    }

    /** Sets {@link ExplainSettings#smoothNoise()}. */
    public Builder smoothNoise(double value) {
      smoothNoise = value;
      return this;
    }

    /** Sets {@link ExplainSettings#seed()}. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Sets {@link ExplainSettings#maxPixels()}. */
    public Builder maxPixels(long value) {
      maxPixels = value;
      return this;
    }

    /** Sets {@link ExplainSettings#montage()}. */
    public Builder montage(Path value) {
      montage = value;
      return this;
    }

    /** Sets {@link ExplainSettings#float64()}. */
    public Builder float64(boolean value) {
      float64 = value;
      return this;
    }

    /** Sets {@link ExplainSettings#threads()}. */
    public Builder threads(Integer value) {
      threads = value;
      return this;
    }

    /** The settings; a usage error naming the option when a value is out of range. */
    public ExplainSettings build() {
      OptionCheck.that(!methods.isEmpty(), "--method needs at least one method");
      OptionCheck.that(inputSize == null || (inputSize.length == 2 && inputSize[0] >= 1
          && inputSize[1] >= 1 && inputSize[0] <= MAX_INPUT_EDGE && inputSize[1] <= MAX_INPUT_EDGE),
          "--input-size must be HxW with each side between 1 and " + MAX_INPUT_EDGE);
      OptionCheck.atLeast("--top-k", topK, 1);
      OptionCheck.that(alpha >= 0 && alpha <= 1, "--alpha must be between 0 and 1, got " + alpha);
      OptionCheck.between("--batch-size", batchSize, 1, MAX_BATCH_SIZE);
      OptionCheck.between("--max-pixels", maxPixels, 1, MAX_MAX_PIXELS);
      OptionCheck.that(classes.isEmpty() || topK == 1, "give either --class or --top-k, not both");
      if (maxN != null) {
        OptionCheck.atLeast("--max-n", maxN, 1);
      }
      OptionCheck.between("--smooth-samples", smoothSamples, 1, MAX_SMOOTH_SAMPLES);
      OptionCheck.that(smoothNoise >= 0 && smoothNoise <= 10,
          "--smooth-noise must be between 0 and 10, got " + smoothNoise);
      if (threads != null) {
        OptionCheck.between("--threads", threads, 1, maxThreads());
      }
      return new ExplainSettings(this);
    }
  }
}
