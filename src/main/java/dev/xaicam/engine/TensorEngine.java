package dev.xaicam.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.xaicam.XaiCamException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry point to the native tensor engine (TensorFlow through DJL): loads it once, opens root
 * {@link TensorScope}s, and counts live scopes and arrays so tests can catch native leaks.
 */
public final class TensorEngine {
  /** DJL's name of the TensorFlow engine. */
  private static final String ENGINE_NAME = "TensorFlow";
  /** System property DJL 0.28 reads for TensorFlow's inter-op pool size when the engine starts. */
  static final String INTER_OP_PROPERTY = "ai.djl.tensorflow.num_interop_threads";
  /** System property DJL 0.28 reads for TensorFlow's intra-op pool size when the engine starts. */
  static final String INTRA_OP_PROPERTY = "ai.djl.tensorflow.num_intraop_threads";

  /** Serialises loading. */
  private static final Object LOAD_LOCK = new Object();
  /** Set once the engine has loaded. */
  private static volatile boolean loaded;
  /** The first loading failure, rethrown on every later attempt instead of retrying natives. */
  private static volatile XaiCamException loadFailure;
  /** Root scopes still open, whose managers hold every live array. */
  private static final Set<DjlTensorScope> OPEN_ROOTS = ConcurrentHashMap.newKeySet();
  /** Scopes (roots and children) still open. */
  private static final AtomicInteger OPEN_SCOPES = new AtomicInteger();

  /** Static entry point only. */
  private TensorEngine() {}

  /**
   * Sets TensorFlow's thread pools; takes effect only before the engine first loads, because
   * TensorFlow sizes its pools once when the eager context is created.
   *
   * @param interOp threads running independent ops concurrently, >= 1
   * @param intraOp threads inside one op (convolution, matmul), >= 1
   * @throws IllegalStateException when the engine has already loaded
   */
  public static void configureThreads(int interOp, int intraOp) {
    if (interOp < 1) {
      throw new IllegalArgumentException("inter-op threads must be >= 1, got " + interOp);
    }
    if (intraOp < 1) {
      throw new IllegalArgumentException("intra-op threads must be >= 1, got " + intraOp);
    }
    synchronized (LOAD_LOCK) {
      if (loaded) {
        throw new IllegalStateException("TensorFlow already started; set threads before first use");
      }
      System.setProperty(INTER_OP_PROPERTY, Integer.toString(interOp));
      System.setProperty(INTRA_OP_PROPERTY, Integer.toString(intraOp));
    }
  }

  /**
   * Opens a root scope, loading the natives on first use.
   *
   * @throws XaiCamException (setup) when TensorFlow's native library cannot load
   */
  public static TensorScope openScope() {
    ensureLoaded();
    return new DjlTensorScope(NDManager.newBaseManager(Device.cpu(), ENGINE_NAME), null);
  }

  /** TensorFlow's intra-op pool size as configured; 0 when left to TensorFlow (all cores). */
  public static int intraOpThreads() {
    return Integer.getInteger(INTRA_OP_PROPERTY, 0);
  }

  /** TensorFlow's inter-op pool size as configured; 0 when left to TensorFlow (all cores). */
  public static int interOpThreads() {
    return Integer.getInteger(INTER_OP_PROPERTY, 0);
  }

  /** Native arrays alive in all open scopes; stays flat across loops that close their scopes. */
  public static int liveTensorCount() {
    int n = 0;
    for (DjlTensorScope scope : OPEN_ROOTS) {
      n += scope.liveArrayCount();
    }
    return n;
  }

  /** Scopes (root or child) opened and not yet closed. */
  public static int openScopeCount() {
    return OPEN_SCOPES.get();
  }

  /** Loads DJL's TensorFlow engine once, never letting DJL reach for the network. */
  private static void ensureLoaded() {
    if (loaded) {
      return;
    }
    synchronized (LOAD_LOCK) {
      if (loaded) {
        return;
      }
      if (loadFailure != null) {
        throw loadFailure;
      }
      if (System.getProperty("ai.djl.offline") == null) {
        System.setProperty("ai.djl.offline", "true");
      }
      try {
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
  static void scopeOpened(DjlTensorScope scope) {
    OPEN_SCOPES.incrementAndGet();
    if (scope.isRoot()) {
      OPEN_ROOTS.add(scope);
    }
  }

  /** Records a closed scope. */
  static void scopeClosed(DjlTensorScope scope) {
    OPEN_SCOPES.decrementAndGet();
    OPEN_ROOTS.remove(scope);
  }
}
