package dev.xaicam.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Scope ownership: closing frees arrays, children close with parents, freed tensors refuse use. */
@Tag("native")
class TensorRuntimeTest {
  /** The runtime under test. */
  private final TensorRuntime runtime = TensorRuntime.shared();


  @Test
  void closingAScopeFreesEveryArrayItOwns() {
    int before = runtime.liveTensorCount();
    int scopesBefore = runtime.openScopeCount();
    try (TensorScope scope = runtime.openScope()) {
      Tensor x = scope.fromFloats(new float[] {1, -2}, 2);
      scope.relu(x);
      assertThat(runtime.liveTensorCount()).isEqualTo(before + 2);
      assertThat(runtime.openScopeCount()).isEqualTo(scopesBefore + 1);
    }
    assertThat(runtime.liveTensorCount()).isEqualTo(before);
    assertThat(runtime.openScopeCount()).isEqualTo(scopesBefore);
  }

  @Test
  void childScopesOwnTheirResultsAndCloseWithTheirParent() {
    int before = runtime.liveTensorCount();
    int scopesBefore = runtime.openScopeCount();
    TensorScope root = runtime.openScope();
    Tensor x = root.fromFloats(new float[] {1, -2}, 2);
    Tensor kept;
    try (TensorScope child = root.child()) {
      kept = child.relu(x);
      assertThat(runtime.liveTensorCount()).isEqualTo(before + 2);
    }
    assertThat(runtime.liveTensorCount()).isEqualTo(before + 1);
    assertThatThrownBy(kept::toFloats).isInstanceOf(IllegalStateException.class);
    TensorScope orphan = root.child();
    orphan.relu(x);
    assertThat(runtime.openScopeCount()).isEqualTo(scopesBefore + 2);
    root.close();
    assertThat(runtime.liveTensorCount()).isEqualTo(before);
    assertThat(runtime.openScopeCount()).isEqualTo(scopesBefore);
    assertThatThrownBy(() -> orphan.relu(x)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void releaseFreesOneTensorEarly() {
    try (TensorScope scope = runtime.openScope()) {
      int before = runtime.liveTensorCount();
      Tensor x = scope.fromFloats(new float[] {1}, 1);
      scope.release(x);
      assertThat(runtime.liveTensorCount()).isEqualTo(before);
      assertThatThrownBy(x::shape).isInstanceOf(IllegalStateException.class);
      try (TensorScope child = scope.child()) {
        Tensor y = scope.fromFloats(new float[] {1}, 1);
        assertThatThrownBy(() -> child.release(y)).isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @Test
  void threadsCannotChangeOnceLoadedButTheSameCountsMayBeAskedAgain() {
    runtime.openScope().close();
    int interOp = runtime.interOpThreads();
    int intraOp = runtime.intraOpThreads();

    assertThatThrownBy(() -> runtime.configureThreads(interOp + 1, intraOp + 1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> runtime.configureThreads(0, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    assertThatThrownBy(() -> runtime.useThreads(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be >= 1, got 0");
    assertThatThrownBy(() -> runtime.useThreads(intraOp + 7)).isInstanceOf(IllegalStateException.class);
    if (interOp > 0 && intraOp > 0) {
      runtime.configureThreads(interOp, intraOp);
    }
    assertThat(runtime.intraOpThreads()).isEqualTo(intraOp);
  }

  @Test
  void loadingInTheBackgroundLeavesTheRuntimeLoaded() throws InterruptedException {
    runtime.loadInBackground(java.util.concurrent.CompletableFuture.completedFuture(null));
    runtime.load();

    try (TensorScope scope = runtime.openScope()) {
      assertThat(scope.fromFloats(new float[] {2}, 1).shape()).containsExactly(1);
    }
  }

  @Test
  void aBackgroundLoadHoldsTheMainLibraryUntilItsGateOpens() throws Exception {
    // A fresh process: this one loaded TensorFlow long ago. The first run unpacks the libraries.
    Process unpack = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
        GateProbe.class.getName(), "load").inheritIO().start();
    assertThat(unpack.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    java.nio.file.Path out = java.nio.file.Files.createTempFile("gate-probe", ".txt");
    try {
      Process probe = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
          GateProbe.class.getName(), "gate").redirectErrorStream(true).redirectOutput(out.toFile())
          .start();

      assertThat(probe.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(java.nio.file.Files.readAllLines(out)).as("probe output")
          .containsSubsequence("before the gate: framework yes, main library no",
              "after the gate: main library yes");
    } finally {
      java.nio.file.Files.deleteIfExists(out);
    }
  }

  private static String java() {
    return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Loads TensorFlow in the background behind a gate and reports which libraries are mapped. */
  public static final class GateProbe {
    private GateProbe() {}

    /** {@code load}: just load; {@code gate}: load behind a gate, report before and after opening it. */
    public static void main(String[] args) throws Exception {
      if (args[0].equals("load")) {
        TensorRuntime.shared().load();
        return;
      }
      java.util.concurrent.CompletableFuture<Void> gate = new java.util.concurrent.CompletableFuture<>();
      TensorRuntime.shared().loadInBackground(gate);
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!mapped("libtensorflow_framework") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(300);
      System.out.println("before the gate: framework " + yes(mapped("libtensorflow_framework"))
          + ", main library " + yes(mapped("libtensorflow_cc")));
      gate.complete(null);
      TensorRuntime.shared().load();
      System.out.println("after the gate: main library " + yes(mapped("libtensorflow_cc")));
    }

    private static boolean mapped(String library) throws java.io.IOException {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/maps")).contains(library);
    }

    private static String yes(boolean b) {
      return b ? "yes" : "no";
    }
  }
}
