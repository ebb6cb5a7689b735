package dev.xaicam.bench;

import dev.xaicam.XaiCamException;
import dev.xaicam.cam.CamMethods;
import dev.xaicam.cam.CamOptions;
import dev.xaicam.explain.ExplainSettings;
import dev.xaicam.explain.OptionCheck;
import dev.xaicam.image.Preprocessing;
import dev.xaicam.network.GraphSpec;
import dev.xaicam.architectures.Vgg16;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What {@code xai-cam bench} measures: immutable, made with {@link #builder()}, checked once in
 * {@link Builder#build()}. The defaults are the constants below; the command's options name them.
 */
public final class BenchSettings {
  /** Methods timed by default, the slow Score-CAM last. */
  public static final String DEFAULT_METHODS = "gradcam,gradcam++,layercam,faster-scorecam,scorecam";
  /** Batch sizes of the plain forward pass. */
  public static final String DEFAULT_BATCH_SIZES = "1,8,32";
  /** Batch sizes of the CAM methods. */
  public static final String DEFAULT_METHOD_BATCH_SIZES = "1,8";
  /** Timed batches per gradient-method case. */
  public static final int DEFAULT_REPEATS = 3;
  /** {@link #DEFAULT_REPEATS} as picocli's default text. */
  public static final String DEFAULT_REPEATS_TEXT = "" + DEFAULT_REPEATS;
  /** Images Score-CAM explains per batch size. */
  public static final int DEFAULT_SCORECAM_IMAGES = 1;
  /** {@link #DEFAULT_SCORECAM_IMAGES} as picocli's default text. */
  public static final String DEFAULT_SCORECAM_IMAGES_TEXT = "" + DEFAULT_SCORECAM_IMAGES;
  /** Images of the memory soak: none. */
  public static final int DEFAULT_SOAK = 0;
  /** {@link #DEFAULT_SOAK} as picocli's default text. */
  public static final String DEFAULT_SOAK_TEXT = "" + DEFAULT_SOAK;
  /** Seed of the random weights and inputs. */
  public static final long DEFAULT_SEED = 1;
  /** {@link #DEFAULT_SEED} as picocli's default text. */
  public static final String DEFAULT_SEED_TEXT = "" + DEFAULT_SEED;

  private final GraphSpec architecture;
  private final Preprocessing preprocessing;
  private final Path weights;
  private final long seed;
  private final List<Path> images;
  private final List<Integer> forwardBatchSizes;
  private final List<Integer> methodBatchSizes;
  private final List<String> methods;
  private final int repeats;
  private final int scoreCamImages;
  private final int threads;
  private final int soakImages;

  private BenchSettings(Builder b, List<Integer> forwardBatchSizes, List<Integer> methodBatchSizes, int threads) {
    architecture = b.architecture;
    preprocessing = b.preprocessing;
    weights = b.weights;
    seed = b.seed;
    images = List.copyOf(b.images);
    this.forwardBatchSizes = forwardBatchSizes;
    this.methodBatchSizes = methodBatchSizes;
    methods = List.copyOf(b.methods);
    repeats = b.repeats;
    scoreCamImages = b.scoreCamImages;
    this.threads = threads;
    soakImages = b.soakImages;
  }

  /** A builder holding every default: VGG16, random weights and inputs, every method. */
  public static Builder builder() {
    return new Builder();
  }

  /** The network (VGG16 for the command; tests use a tiny one). */
  public GraphSpec architecture() {
    return architecture;
  }

  /** How decoded images become network input. */
  public Preprocessing preprocessing() {
    return preprocessing;
  }

  /** Keras HDF5 file to load and time, or {@code null} for seeded random weights. */
  public Path weights() {
    return weights;
  }

  /** Seed of the random weights and of the random input images. */
  public long seed() {
    return seed;
  }

  /** Image files to feed (cycled), or empty for seeded random inputs. */
  public List<Path> images() {
    return images;
  }

  /** Batch sizes of the plain forward pass, ascending, without repeats. */
  public List<Integer> forwardBatchSizes() {
    return forwardBatchSizes;
  }

  /** Batch sizes of the CAM methods (also masks per Score-CAM pass), ascending, without repeats. */
  public List<Integer> methodBatchSizes() {
    return methodBatchSizes;
  }

  /** CAM method names. */
  public List<String> methods() {
    return methods;
  }

  /** Timed batches per gradient-method case after one warm-up (median reported). */
  public int repeats() {
    return repeats;
  }

  /** Images Score-CAM explains per batch size. */
  public int scoreCamImages() {
    return scoreCamImages;
  }

  /** TensorFlow threads. */
  public int threads() {
    return threads;
  }

  /** Images of the memory soak (forward + backward + Grad-CAM); 0 for none. */
  public int soakImages() {
    return soakImages;
  }

  /** Collects settings; {@link #build()} checks them all, naming the command's option at fault. */
  public static final class Builder {
    private GraphSpec architecture = Vgg16.spec();
    private Preprocessing preprocessing = Preprocessing.CAFFE;
    private Path weights;
    private long seed = DEFAULT_SEED;
    private List<Path> images = List.of();
    private List<Integer> forwardBatchSizes = sizes(DEFAULT_BATCH_SIZES);
    private List<Integer> methodBatchSizes = sizes(DEFAULT_METHOD_BATCH_SIZES);
    private List<String> methods = List.of(DEFAULT_METHODS.split(","));
    private int repeats = DEFAULT_REPEATS;
    private int scoreCamImages = DEFAULT_SCORECAM_IMAGES;
    private Integer threads;
    private int soakImages = DEFAULT_SOAK;

    private Builder() {}

    /** Sets {@link BenchSettings#architecture()}. */
    public Builder architecture(GraphSpec value) {
      architecture = value;
      return this;
    }

    /** Sets {@link BenchSettings#preprocessing()}. */
    public Builder preprocessing(Preprocessing value) {
      preprocessing = value;
      return this;
    }

    /** Sets {@link BenchSettings#weights()}. */
    public Builder weights(Path value) {
      weights = value;
      return this;
    }

    /** Sets {@link BenchSettings#seed()}. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Sets {@link BenchSettings#images()}. */
    public Builder images(List<Path> value) {
      images = List.copyOf(value);
      return this;
    }

    /** Sets {@link BenchSettings#forwardBatchSizes()} (any order; sorted by {@link #build()}). */
    public Builder forwardBatchSizes(List<Integer> value) {
      forwardBatchSizes = value;
      return this;
    }

    /** Sets {@link BenchSettings#methodBatchSizes()} (any order; sorted by {@link #build()}). */
    public Builder methodBatchSizes(List<Integer> value) {
      methodBatchSizes = value;
      return this;
    }

    /** Sets {@link BenchSettings#methods()}. */
    public Builder methods(List<String> value) {
      methods = List.copyOf(value);
      return this;
    }

    /** Sets {@link BenchSettings#repeats()}. */
    public Builder repeats(int value) {
      repeats = value;
      return this;
    }

    /** Sets {@link BenchSettings#scoreCamImages()}. */
    public Builder scoreCamImages(int value) {
      scoreCamImages = value;
      return this;
    }

    /** Sets {@link BenchSettings#threads()}; {@code null} for every core. */
    public Builder threads(Integer value) {
      threads = value;
      return this;
    }

    /** Sets {@link BenchSettings#soakImages()}. */
    public Builder soakImages(int value) {
      soakImages = value;
      return this;
    }

    /** The settings; a usage error naming the option when a value is out of range. */
    public BenchSettings build() {
      OptionCheck.that(architecture != null, "an architecture is required");
      OptionCheck.that(preprocessing != null, "a preprocessing is required");
      List<Integer> forward = checkedSizes("--batch-sizes", forwardBatchSizes);
      List<Integer> masked = checkedSizes("--method-batch-sizes", methodBatchSizes);
      for (String method : methods) {
        CamMethods.create(method, CamOptions.defaults());
      }
      OptionCheck.atLeast("--repeats", repeats, 1);
      OptionCheck.atLeast("--scorecam-images", scoreCamImages, 1);
      int cores = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      OptionCheck.between("--threads", cores, 1, ExplainSettings.maxThreads());
      OptionCheck.atLeast("--soak", soakImages, 0);
      if (weights != null && !Files.isRegularFile(weights)) {
        throw XaiCamException.usage("--weights " + weights + ": no such file");
      }
      for (Path image : images) {
        if (!Files.isRegularFile(image)) {
          throw XaiCamException.usage("image " + image + ": no such file");
        }
      }
      return new BenchSettings(this, forward, masked, cores);
    }

    /** Fails with a usage error unless every size is >= 1; sorted, duplicates removed. */
    private static List<Integer> checkedSizes(String option, List<Integer> sizes) {
      OptionCheck.that(sizes != null && !sizes.isEmpty(), option + " needs at least one batch size");
      for (int size : sizes) {
        OptionCheck.that(size >= 1 && size <= ExplainSettings.MAX_BATCH_SIZE,
            option + ": batch sizes must be between 1 and " + ExplainSettings.MAX_BATCH_SIZE + ", got " + size);
      }
      return List.copyOf(new TreeSet<>(sizes));
    }

    /** The sizes of a comma-separated default such as {@code "1,8,32"}. */
    private static List<Integer> sizes(String text) {
      return Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }
  }
}
