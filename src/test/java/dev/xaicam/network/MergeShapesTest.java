package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.engine.Tensor;
import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** MergeShapes: NumPy broadcasting of per-image shapes, rank alignment and gradient reduction. */
class MergeShapesTest {

  @Test
  void broadcastsAlignedAtTheLastAxis() {
    assertThat(MergeShapes.pair(new int[] {7, 7, 16}, new int[] {1, 1, 16}))
        .containsExactly(7, 7, 16);
    assertThat(MergeShapes.pair(new int[] {16}, new int[] {7, 1, 1})).containsExactly(7, 1, 16);
    assertThat(MergeShapes.pair(new int[] {3}, new int[] {4})).isNull();
    LayerConfig c = ConfigFixtures.config("Multiply", "{}");
    assertThat(MergeShapes.broadcast(c, List.of(new int[] {2, 1}, new int[] {1, 3},
        new int[] {3}), 1)).containsExactly(2, 3);
    assertThatThrownBy(() -> MergeShapes.broadcast(c, List.of(new int[] {2}), 2))
        .hasMessageContaining("at least 2 inputs");
  }

  @Test
  @Tag("native")
  void alignsRanksAfterTheBatchAxisAndSumsGradientsBack() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Tensor map = s.fromDoubles(new double[12], 2, 3, 2);
      Tensor vector = s.fromDoubles(new double[] {1, 2, 3, 4}, 2, 2);
      List<Tensor> aligned = MergeShapes.aligned(s, List.of(map, vector));
      assertThat(aligned.get(0)).isSameAs(map);
      assertThat(aligned.get(1).shape()).containsExactly(2, 1, 2);
      // A (2, 3, 2) gradient of ones summed back to (2, 1, 2): each entry collects 3.
      Tensor g = MergeShapes.reduceTo(s, s.fromDoubles(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
          1, 1}, 2, 3, 2), new int[] {2, 2});
      assertThat(g.shape()).containsExactly(2, 2);
      assertThat(g.toDoubles()).containsExactly(3, 3, 3, 3);
    }
  }
}
