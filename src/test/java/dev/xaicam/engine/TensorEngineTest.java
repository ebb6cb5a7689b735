package dev.xaicam.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The legacy static facade reaches the shared runtime. */
@Tag("native")
class TensorEngineTest {

  @Test
  void staticCallsCountInTheSharedRuntime() {
    TensorRuntime shared = TensorRuntime.shared();
    int before = shared.liveTensorCount();
    try (TensorScope scope = TensorEngine.openScope()) {
      scope.fromFloats(new float[] {1}, 1);
      assertThat(shared.liveTensorCount()).isEqualTo(before + 1);
      assertThat(TensorEngine.liveTensorCount()).isEqualTo(before + 1);
      assertThat(TensorEngine.openScopeCount()).isEqualTo(shared.openScopeCount());
    }
    assertThat(TensorEngine.intraOpThreads()).isEqualTo(shared.intraOpThreads());
    assertThat(TensorEngine.interOpThreads()).isEqualTo(shared.interOpThreads());
  }
}
