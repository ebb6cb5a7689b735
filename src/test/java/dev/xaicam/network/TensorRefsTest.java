package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reference counts by identity: a tensor held twice survives one drop and is freed by the last. */
@Tag("native")
class TensorRefsTest {

  @Test
  void freesATensorWhenItsLastHolderDropsIt() {
    try (TensorScope scope = TensorRuntime.shared().openScope()) {
      TensorRefs refs = new TensorRefs(scope);
      Tensor t = scope.fromFloats(new float[] {1}, 1);
      refs.hold(t);
      refs.hold(t);
      refs.drop(t);
      assertThat(t.toFloats()).containsExactly(1);
      refs.drop(t);
      assertThatThrownBy(t::toFloats).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> refs.drop(t)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("nobody holds");
    }
  }
}
