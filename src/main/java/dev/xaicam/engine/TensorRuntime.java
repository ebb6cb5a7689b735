package dev.xaicam.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.tensorflow.engine.TfEngineStart;
import dev.xaicam.XaiCamException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The native tensor engine (TensorFlow through DJL) as an object that networks receive: it loads
 * the natives once, sizes TensorFlow's thread pools, opens root {@link TensorScope}s and counts
 * live scopes and arrays so tests and the benchmark can catch native leaks.
 *
 * <p>There is one per process ({@link #shared()}): TensorFlow's eager context, and with it the
 * thread pools, is process-wide.
 */
public final class TensorRuntime {
  /** DJL's name of the TensorFlow engine. */
  private static final String ENGINE_NAME = "TensorFlow";
  /** System property DJL 0.28 reads for TensorFlow's inter-op pool size when the engine starts. */
  static final String INTER_OP_PROPERTY = "ai.djl.tensorflow.num_interop_threads";
  /** System property DJL 0.28 reads for TensorFlow's intra-op pool size when the engine starts. */
  static final String INTRA_OP_PROPERTY = "ai.djl.tensorflow.num_intraop_threads";
  /** The process's runtime. */
  private static final TensorRuntime SHARED = new TensorRuntime();
  /** Longest wait of a background load for its caller's go-ahead. */
  static final long GATE_SECONDS = 2;

  /** Serialises loading and thread configuration. */
  private final Object loadLock = new Object();
  /** Set once the engine has loaded. */
  private volatile boolean loaded;
  /** The first loading failure, rethrown on every later attempt instead of retrying natives. */
  private volatile XaiCamException loadFailure;
  /** Root scopes still open, whose managers hold every live array. */
  private final Set<DjlTensorScope> openRoots = ConcurrentHashMap.newKeySet();
  /** Scopes (roots and children) still open. */
  private final AtomicInteger openScopes = new AtomicInteger();

  /** The one instance, see {@link #shared()}. */
  private TensorRuntime() {}

  /** The process's tensor runtime. */
  public static TensorRuntime shared() {
    return SHARED;
  }

  /**
   * Uses {@code threads} inside each operation and up to two for running independent operations
   * side by side; takes effect only before the engine first loads.
   *
   * @throws IllegalStateException when the engine has already loaded
   */
  public void useThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    configureThreads(Math.min(2, threads), threads);
  }

  /**
   * Sets TensorFlow's thread pools; takes effect only before the engine first loads, because
   * TensorFlow sizes its pools once when the eager context is created.
   *
   * @param interOp threads running independent ops concurrently, >= 1
   * @param intraOp threads inside one op (convolution, matmul), >= 1
   * @throws IllegalStateException when the engine has already loaded
   */
  public void configureThreads(int interOp, int intraOp) {
    if (interOp < 1) {
      throw new IllegalArgumentException("inter-op threads must be >= 1, got " + interOp);
    }
    if (intraOp < 1) {
      throw new IllegalArgumentException("intra-op threads must be >= 1, got " + intraOp);
    }
    synchronized (loadLock) {
      if (loaded) {
        // A run that started loading early with its own thread counts asks again: nothing to do.
        if (Integer.toString(interOp).equals(System.getProperty(INTER_OP_PROPERTY))
            && Integer.toString(intraOp).equals(System.getProperty(INTRA_OP_PROPERTY))) {
          return;
        }
        throw new IllegalStateException("TensorFlow already started; set threads before first use");
      }
      System.setProperty(INTER_OP_PROPERTY, Integer.toString(interOp));
      System.setProperty(INTRA_OP_PROPERTY, Integer.toString(intraOp));
    }
  }

  /**
   * Starts loading the natives on a daemon thread and returns at once: a one-image run spends
   * over half a second in TensorFlow's library, which can overlap reading the model's catalogue,
   * labels and inputs. A failure is kept and thrown by the next {@link #load()}.
   *
   * <p>The 1 GB library waits (at most {@link #GATE_SECONDS}) until {@code mainLibraryMayLoad}
   * completes. Loading it holds the dynamic linker's lock for 0.3 s; a caller about to load a
   * library of its own (JNA's) lets that go first, while the linking of the JDK natives and the
   * small framework library go on beside it. A completed future means no wait.
   */
  public void loadInBackground(Future<?> mainLibraryMayLoad) {
    if (loaded) {
      return;
    }
    Thread loader = new Thread(() -> {
      try {
        load(mainLibraryMayLoad);
      } catch (RuntimeException e) {
        // Kept in loadFailure; the run's own load() reports it.
      }
    }, "xai-cam-engine-load");
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * Loads the natives now rather than at the first scope, so a caller can time it or fail early;
   * later calls do nothing.
   *
   * @throws XaiCamException (setup) when TensorFlow's native library cannot load
   */
  public void load() {
    load(CompletableFuture.completedFuture(null));
  }

  /** {@link #load()}, the main library waiting for {@code mainLibraryMayLoad}. */
  private void load(Future<?> mainLibraryMayLoad) {
    if (loaded) {
      return;
    }
    synchronized (loadLock) {
      if (loaded) {
        return;
      }
      if (loadFailure != null) {
        throw loadFailure;
      }
      // Before DJL's Engine class loads: never download, never call home (DJL's telemetry).
      if (System.getProperty("ai.djl.offline") == null) {
        System.setProperty("ai.djl.offline", "true");
      }
      if (System.getProperty("OPT_OUT_TRACKING") == null) {
        System.setProperty("OPT_OUT_TRACKING", "true");
      }
      try {
        if (TensorFlowLibraries.loadUnpacked(() -> awaitGate(mainLibraryMayLoad))) {
          startOverLoadedLibraries();
        }
        // DJL's own start (the first run, which unpacks the libraries) waits for the gate too;
        // after the fast path the gate is open and this returns at once.
        awaitGate(mainLibraryMayLoad);
        Engine.getEngine(ENGINE_NAME);
        loaded = true;
      } catch (RuntimeException | LinkageError e) {
        loadFailure = XaiCamException.setup(
            "could not load the TensorFlow native library (" + rootMessage(e) + "); it needs "
                + "linux-x86_64 and about 1 GB free in ~/.djl.ai (or the folder DJL_CACHE_DIR names)",
            e);
        throw loadFailure;
      }
    }
  }

  /** Waits for {@code gate} at most {@link #GATE_SECONDS}; whatever it ends with, loading goes on. */
  private static void awaitGate(Future<?> gate) {
    try {
      gate.get(GATE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The caller's own set-up failed or hangs: TensorFlow loads anyway.
    }
  }

  /**
   * Registers an engine over the libraries {@link TensorFlowLibraries} loaded. Should this DJL not
   * be laid out as expected, DJL starts its own engine over the same libraries instead: slower,
   * the same maths.
   */
  private void startOverLoadedLibraries() {
    try {
      TfEngineStart.register(interOpThreads(), intraOpThreads());
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Engine.getEngine below starts DJL's own.
    }
  }

  /**
   * The folder holding TensorFlow's libraries once DJL has unpacked them (the first run does),
   * as this class path describes the platform; empty when it describes none.
   */
  public static Optional<Path> unpackedLibraryFolder() {
    return TensorFlowLibraries.folder(TensorRuntime.class.getClassLoader(), nativeLibraryFolder());
  }

  /**
   * The folder DJL unpacks TensorFlow's native libraries into ({@code ~/.djl.ai/tensorflow}, or
   * below {@code DJL_CACHE_DIR}), for a benchmark that must read them from disk again.
   */
  public static Path nativeLibraryFolder() {
    return ai.djl.util.Utils.getEngineCacheDir("tensorflow");
  }

  /**
   * Opens a root scope, loading the natives on first use.
   *
   * @throws XaiCamException (setup) when TensorFlow's native library cannot load
   */
  public TensorScope openScope() {
    load();
    return new DjlTensorScope(NDManager.newBaseManager(Device.cpu(), ENGINE_NAME), null, this);
  }

  /** TensorFlow's intra-op pool size as configured; 0 when left to TensorFlow (all cores). */
  public int intraOpThreads() {
    return Integer.getInteger(INTRA_OP_PROPERTY, 0);
  }

  /** TensorFlow's inter-op pool size as configured; 0 when left to TensorFlow (all cores). */
  public int interOpThreads() {
    return Integer.getInteger(INTER_OP_PROPERTY, 0);
  }

  /** Native arrays alive in all open scopes; stays flat across loops that close their scopes. */
  public int liveTensorCount() {
    int n = 0;
    for (DjlTensorScope scope : openRoots) {
      n += scope.liveArrayCount();
    }
    return n;
  }

  /** Scopes (root or child) opened and not yet closed. */
  public int openScopeCount() {
    return openScopes.get();
  }

  /** The innermost cause's message, which says what really failed. */
  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }

  /** Records a newly opened scope. */
  void scopeOpened(DjlTensorScope scope) {
    openScopes.incrementAndGet();
    if (scope.isRoot()) {
      openRoots.add(scope);
    }
  }

  /** Records a closed scope. */
  void scopeClosed(DjlTensorScope scope) {
    openScopes.decrementAndGet();
    openRoots.remove(scope);
  }
}
