package dev.xaicam.explain;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.models.FiniteWeights;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.Precision;
import dev.xaicam.network.WeightArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Brings up what a run's network needs: TensorFlow's natives (early, in the background, when a
 * caller knows it will need them) and the plan's weights as a network. Every command that runs a
 * network (explain, evaluate, a model comparison, the library API) loads it here.
 */
public final class NetworkLoader {
  /** Heap weights from this size on are collected once TensorFlow holds its own copy. */
  static final long COLLECT_AFTER_BYTES = 64L << 20;

  /** Not instantiable: static functions only. */
  private NetworkLoader() {}

  /**
   * Sizes TensorFlow's threads ({@code null}: all cores) and starts loading its native library in
   * the background, for a caller that knows a network will be needed while it still has other
   * work to do (the catalogue, labels, inputs); {@link #load} then finds it loaded.
   */
  public static void startLoadingEngine(Integer threads) {
    startLoadingEngine(threads, CompletableFuture.completedFuture(null));
  }

  /**
   * {@link #startLoadingEngine(Integer)}, with TensorFlow's main library waiting until
   * {@code mainLibraryMayLoad} completes: for a caller that loads a native library of its own
   * meanwhile (see {@link TensorRuntime#loadInBackground}).
   */
  public static void startLoadingEngine(Integer threads, Future<?> mainLibraryMayLoad) {
    if (threads != null) {
      TensorRuntime.shared().useThreads(threads);
    }
    TensorRuntime.shared().loadInBackground(mainLibraryMayLoad);
  }

  /**
   * Sizes TensorFlow's threads, loads the plan's weights (non-finite values refused) and builds
   * the network in the settings' precision: what every command running a network does first.
   */
  public static GraphNetwork load(ExplainSettings settings, RunPlan plan,
      Consumer<String> stage) {
    if (settings.threads() != null) {
      TensorRuntime.shared().useThreads(settings.threads());
    }
    long bytes = settings.weights() != null ? sizeOf(settings.weights()) : plan.model().weights().fileBytes();
    stage.accept("loading " + plan.model().name() + " weights"
        + (bytes >= 1_000_000 ? " (" + bytes / 1_000_000 + " MB)" : "") + "...");
    ModelWeights weights = plan.model().weights().load(settings.weights(), settings.offline());
    long heapBytes = weights.byLayer().values().stream().flatMap(List::stream)
        .filter(a -> a.mappedBytes() == null).mapToLong(a -> (long) a.size() * Float.BYTES).sum();
    // Mapped arrays come from a weight cache written only from weights that passed this check.
    weights.byLayer().forEach((name, arrays) -> FiniteWeights.check(name,
        arrays.stream().filter(a -> a.mappedBytes() == null).map(WeightArray::values).toList()));
    GraphNetwork network = GraphNetwork.create(plan.graph(), weights, TensorRuntime.shared(),
        settings.float64() ? Precision.FLOAT64 : Precision.FLOAT32);
    // The heap copy of the weights (553 MB for VGG16) is garbage now that TensorFlow holds them;
    // collecting it once lets the JVM hand that memory back before a long run. Weights mapped from
    // the cache have no heap copy, and a small model's copy (the demo's 1 MB) is not worth the
    // collection's 40-60 ms in a one-image run.
    weights = null;
    if (heapBytes >= COLLECT_AFTER_BYTES) {
      System.gc();
    }
    return network;
  }

  /** The size of {@code file}, or 0 when it cannot be read (loading it says why). */
  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
