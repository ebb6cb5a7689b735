package dev.xaicam.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Scope ownership: closing frees arrays, children close with parents, freed tensors refuse use. */
@Tag("native")
class TensorEngineTest {

  @Test
  void closingAScopeFreesEveryArrayItOwns() {
    int before = TensorEngine.liveTensorCount();
    int scopesBefore = TensorEngine.openScopeCount();
    try (TensorScope scope = TensorEngine.openScope()) {
      Tensor x = scope.fromFloats(new float[] {1, -2}, 2);
      scope.relu(x);
      assertThat(TensorEngine.liveTensorCount()).isEqualTo(before + 2);
      assertThat(TensorEngine.openScopeCount()).isEqualTo(scopesBefore + 1);
    }
    assertThat(TensorEngine.liveTensorCount()).isEqualTo(before);
    assertThat(TensorEngine.openScopeCount()).isEqualTo(scopesBefore);
  }

  @Test
  void childScopesOwnTheirResultsAndCloseWithTheirParent() {
    int before = TensorEngine.liveTensorCount();
    int scopesBefore = TensorEngine.openScopeCount();
    TensorScope root = TensorEngine.openScope();
    Tensor x = root.fromFloats(new float[] {1, -2}, 2);
    Tensor kept;
    try (TensorScope child = root.child()) {
      kept = child.relu(x);
      assertThat(TensorEngine.liveTensorCount()).isEqualTo(before + 2);
    }
    assertThat(TensorEngine.liveTensorCount()).isEqualTo(before + 1);
    assertThatThrownBy(kept::toFloats).isInstanceOf(IllegalStateException.class);
    TensorScope orphan = root.child();
    orphan.relu(x);
    assertThat(TensorEngine.openScopeCount()).isEqualTo(scopesBefore + 2);
    root.close();
    assertThat(TensorEngine.liveTensorCount()).isEqualTo(before);
    assertThat(TensorEngine.openScopeCount()).isEqualTo(scopesBefore);
    assertThatThrownBy(() -> orphan.relu(x)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void releaseFreesOneTensorEarly() {
    try (TensorScope scope = TensorEngine.openScope()) {
      int before = TensorEngine.liveTensorCount();
      Tensor x = scope.fromFloats(new float[] {1}, 1);
      scope.release(x);
      assertThat(TensorEngine.liveTensorCount()).isEqualTo(before);
      assertThatThrownBy(x::shape).isInstanceOf(IllegalStateException.class);
      try (TensorScope child = scope.child()) {
        Tensor y = scope.fromFloats(new float[] {1}, 1);
        assertThatThrownBy(() -> child.release(y)).isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @Test
  void threadsCannotChangeOnceLoaded() {
    TensorEngine.openScope().close();
    assertThatThrownBy(() -> TensorEngine.configureThreads(1, 2))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TensorEngine.configureThreads(0, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
  }
}
