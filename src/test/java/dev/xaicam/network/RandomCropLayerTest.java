package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.engine.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** RandomCrop at inference: centred aspect-ratio crop then bilinear resize, and backward. */
class RandomCropLayerTest {

  @Test
  void outputIsTheTargetSize() {
    Layer layer = LayerGradientCheck.layer("RandomCrop", "{\"height\": 224, \"width\": 224}",
        new int[] {256, 320, 3});
    assertThat(layer.outputShape()).containsExactly(224, 224, 3);
    assertThat(layer.defaultTargetCandidate()).isFalse();
  }

  @Test
  @Tag("native")
  void cropsTheCentredBlockThenResizes() {
    // Input 4x6 with f(h, w) = 6h + w, target 2x2: the square crop is 4x4 at columns 1..4.
    // Resizing 4 -> 2 samples sources 0.5 and 2.5 on both axes, so the outputs are
    // f(0.5, 1.5) = 4.5, f(0.5, 3.5) = 6.5, f(2.5, 1.5) = 16.5, f(2.5, 3.5) = 18.5.
    double[] x = new double[24];
    for (int i = 0; i < 24; i++) {
      x[i] = i;
    }
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer layer = LayerGradientCheck.layer("RandomCrop", "{\"height\": 2, \"width\": 2}",
          new int[] {4, 6, 1});
      double[] y = layer.forward(s, List.of(s.fromDoubles(x, 1, 4, 6, 1)), List.of()).toDoubles();
      double[] expected = {4.5, 6.5, 16.5, 18.5};
      for (int i = 0; i < 4; i++) {
        assertThat(y[i]).isCloseTo(expected[i], within(1e-12));
      }
      Layer same = LayerGradientCheck.layer("RandomCrop", "{\"height\": 2, \"width\": 3}",
          new int[] {2, 3, 1});
      assertThat(same.forward(s, List.of(s.fromDoubles(new double[] {1, 2, 3, 4, 5, 6}, 1, 2, 3,
          1)), List.of()).toDoubles()).containsExactly(1, 2, 3, 4, 5, 6);
    }
  }

  @Test
  @Tag("native")
  void backwardMatchesFiniteDifferences() {
    try (TensorScope s = TensorRuntime.shared().openScope()) {
      Layer layer = LayerGradientCheck.layer("RandomCrop", "{\"height\": 3, \"width\": 2}",
          new int[] {5, 6, 2});
      LayerGradientCheck.assertBackwardMatchesForward(s, layer, List.of(), 111,
          new int[] {2, 5, 6, 2});
    }
  }
}
