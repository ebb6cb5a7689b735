package dev.xaicam.engine;

/**
 * Static access to {@link TensorRuntime#shared()} for callers not yet given a runtime object
 * ({@code dev.xaicam.model}, {@code pipeline}, {@code cli}). For the lead: delete this class once
 * those callers receive a {@link TensorRuntime}.
 */
public final class TensorEngine {

  /** Static facade only. */
  private TensorEngine() {}

  /** See {@link TensorRuntime#configureThreads(int, int)}. */
  public static void configureThreads(int interOp, int intraOp) {
    TensorRuntime.shared().configureThreads(interOp, intraOp);
  }

  /** See {@link TensorRuntime#openScope()}. */
  public static TensorScope openScope() {
    return TensorRuntime.shared().openScope();
  }

  /** See {@link TensorRuntime#intraOpThreads()}. */
  public static int intraOpThreads() {
    return TensorRuntime.shared().intraOpThreads();
  }

  /** See {@link TensorRuntime#interOpThreads()}. */
  public static int interOpThreads() {
    return TensorRuntime.shared().interOpThreads();
  }

  /** See {@link TensorRuntime#liveTensorCount()}. */
  public static int liveTensorCount() {
    return TensorRuntime.shared().liveTensorCount();
  }

  /** See {@link TensorRuntime#openScopeCount()}. */
  public static int openScopeCount() {
    return TensorRuntime.shared().openScopeCount();
  }
}
