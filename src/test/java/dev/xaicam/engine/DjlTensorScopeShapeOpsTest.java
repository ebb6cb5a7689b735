package dev.xaicam.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shape, reduction, comparison and depthwise ops on tiny hand-worked inputs, and their Java
 * side checks.
 */
@Tag("native")
class DjlTensorScopeShapeOpsTest {
  /** Scope for one test. */
  private TensorScope scope;

  /** The values 1..9 as a 1x3x3x1 image. */
  private static final float[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  /** Unit strides and dilations. */
  private static final int[] ONES = {1, 1};

  @BeforeEach
  void open() {
    scope = TensorRuntime.shared().openScope();
  }

  @AfterEach
  void close() {
    scope.close();
  }

  @Test
  void constantLikeTakesThePrecisionOfItsModel() {
    Tensor f = scope.fromFloats(new float[] {1}, 1);
    Tensor d = scope.fromDoubles(new double[] {1}, 1);
    double third = 1.0 / 3;
    assertThat(scope.constantLike(f, new double[] {third, 2}, 2).toDoubles()[0])
        .isEqualTo((float) third);
    assertThat(scope.constantLike(d, new double[] {third, 2}, 1, 2).toDoubles())
        .containsExactly(third, 2);
  }

  @Test
  void depthwiseConvKeepsChannelsApartAndMultipliesThem() {
    // 1x1 kernel (1,1,2,2): channel 0 -> outputs 0,1 (x*1, x*10); channel 1 -> outputs 2,3
    // (x*100, x*1000). Input pixel (1, 2) gives (1, 10, 200, 2000).
    Tensor x = scope.fromFloats(new float[] {1, 2}, 1, 1, 1, 2);
    Tensor k = scope.fromFloats(new float[] {1, 10, 100, 1000}, 1, 1, 2, 2);
    Tensor y = scope.depthwiseConv2d(x, k, ONES, "SAME", ONES);
    assertThat(y.shape()).containsExactly(1, 1, 1, 4);
    assertThat(y.toFloats()).containsExactly(1, 10, 200, 2000);
  }

  @Test
  void depthwiseConvStridesPaddingAndDilation() {
    Tensor x = scope.fromFloats(ONE_TO_NINE, 1, 3, 3, 1);
    Tensor k = scope.fromFloats(ones(4), 2, 2, 1, 1);
    // VALID 2x2 sums: 1+2+4+5=12, 2+3+5+6=16, 4+5+7+8=24, 5+6+8+9=28.
    assertThat(scope.depthwiseConv2d(x, k, ONES, "VALID", ONES).toFloats())
        .containsExactly(12, 16, 24, 28);
    // SAME stride 2 on 3x3: TF pads 1 at the bottom/right; windows at (0,0),(0,2),(2,0),(2,2):
    // 12, 3+6=9, 7+8=15, 9.
    Tensor strided = scope.depthwiseConv2d(x, k, new int[] {2, 2}, "SAME", ONES);
    assertThat(strided.shape()).containsExactly(1, 2, 2, 1);
    assertThat(strided.toFloats()).containsExactly(12, 9, 15, 9);
    // Dilation 2 turns the 2x2 kernel into the four corners: 1+3+7+9 = 20.
    assertThat(scope.depthwiseConv2d(x, k, ONES, "VALID", new int[] {2, 2}).toFloats())
        .containsExactly(20);
  }

  @Test
  void depthwiseBackpropInputCountsCoveringWindows() {
    Tensor k = scope.fromFloats(ones(4), 2, 2, 1, 1);
    Tensor dy = scope.fromFloats(ones(4), 1, 2, 2, 1);
    Tensor dx = scope.depthwiseConv2dBackpropInput(
        new int[] {1, 3, 3, 1}, k, dy, ONES, "VALID", ONES);
    assertThat(dx.shape()).containsExactly(1, 3, 3, 1);
    assertThat(dx.toFloats()).containsExactly(1, 2, 1, 2, 4, 2, 1, 2, 1);
    Tensor dilated = scope.depthwiseConv2dBackpropInput(new int[] {1, 3, 3, 1}, k,
        scope.fromFloats(new float[] {5}, 1, 1, 1, 1), ONES, "VALID", new int[] {2, 2});
    assertThat(dilated.toFloats()).containsExactly(5, 0, 5, 0, 0, 0, 5, 0, 5);
  }

  @Test
  void depthwiseChecksShapesFirst() {
    Tensor x = scope.fromFloats(ONE_TO_NINE, 1, 3, 3, 1);
    assertThatThrownBy(() -> scope.depthwiseConv2d(x, scope.fromFloats(ones(8), 2, 2, 2, 1),
        ONES, "SAME", ONES)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> scope.depthwiseConv2d(x, scope.fromFloats(ones(16), 4, 4, 1, 1),
        ONES, "VALID", ONES)).hasMessageContaining("exceeds input");
    assertThatThrownBy(() -> scope.depthwiseConv2d(x, scope.fromFloats(ones(4), 2, 2, 1, 1),
        ONES, "same", ONES)).hasMessageContaining("padding");
    assertThatThrownBy(() -> scope.depthwiseConv2dBackpropInput(new int[] {1, 3, 3, 1},
        scope.fromFloats(ones(4), 2, 2, 1, 1), scope.fromFloats(ones(9), 1, 3, 3, 1), ONES,
        "VALID", ONES)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void padAndSliceAreInverse() {
    Tensor x = scope.fromFloats(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor padded = scope.pad(x, new int[] {1, 0}, new int[] {0, 2});
    assertThat(padded.shape()).containsExactly(3, 4);
    assertThat(padded.toFloats()).containsExactly(0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0);
    assertThat(scope.slice(padded, new int[] {1, 0}, new int[] {2, 2}).toFloats())
        .containsExactly(1, 2, 3, 4);
    assertThatThrownBy(() -> scope.slice(padded, new int[] {2, 0}, new int[] {2, 2}))
        .hasMessageContaining("slice: block at [2, 0] of size [2, 2]");
    assertThatThrownBy(() -> scope.pad(x, new int[] {1}, new int[] {1}))
        .hasMessageContaining("pad: 1 paddings for shape [2, 2]");
  }

  @Test
  void concatJoinsAlongTheAxis() {
    Tensor a = scope.fromFloats(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor b = scope.fromFloats(new float[] {5, 6}, 2, 1);
    Tensor c = scope.concat(List.of(a, b), 1);
    assertThat(c.shape()).containsExactly(2, 3);
    assertThat(c.toFloats()).containsExactly(1, 2, 5, 3, 4, 6);
    assertThat(scope.concat(List.of(a), 0).toFloats()).containsExactly(1, 2, 3, 4);
    assertThatThrownBy(() -> scope.concat(List.of(a, b), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> scope.concat(List.of(a, scope.fromDoubles(new double[] {1, 2}, 2, 1)),
        1)).hasMessageContaining("mixed element types");
  }

  @Test
  void reductionsKeepTheirAxes() {
    Tensor x = scope.fromFloats(new float[] {1, 5, 3, 4, 2, 6}, 1, 3, 2);
    Tensor sum = scope.reduceSum(x, 1);
    assertThat(sum.shape()).containsExactly(1, 1, 2);
    assertThat(sum.toFloats()).containsExactly(6, 15);
    assertThat(scope.reduceMean(x, 1, 2).toFloats()).containsExactly(3.5f);
    assertThat(scope.reduceMax(x, 1).toFloats()).containsExactly(3, 6);
    assertThatThrownBy(() -> scope.reduceSum(x, 1, 1)).hasMessageContaining("distinct");
    assertThatThrownBy(() -> scope.reduceMax(x, 3)).hasMessageContaining("distinct");
  }

  @Test
  void broadcastToRepeatsUnitAxes() {
    Tensor x = scope.fromFloats(new float[] {1, 2}, 1, 2);
    Tensor y = scope.broadcastTo(x, 2, 3, 2);
    assertThat(y.shape()).containsExactly(2, 3, 2);
    assertThat(y.toFloats()).containsExactly(1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2);
    assertThatThrownBy(() -> scope.broadcastTo(x, 3, 3)).hasMessageContaining("cannot broadcast");
  }

  @Test
  void maximumAndGreaterEqualCompareElementwise() {
    Tensor a = scope.fromDoubles(new double[] {1, 5, 3}, 3);
    Tensor b = scope.fromDoubles(new double[] {2, 5, 1}, 3);
    assertThat(scope.maximum(a, b).toDoubles()).containsExactly(2, 5, 3);
    // Ties count as "greater or equal".
    assertThat(scope.greaterEqual(a, b).toDoubles()).containsExactly(0, 1, 1);
    Tensor column = scope.fromFloats(new float[] {2}, 1);
    assertThat(scope.greaterEqual(scope.fromFloats(new float[] {1, 2, 3}, 3), column).toFloats())
        .containsExactly(0, 1, 1);
  }

  @Test
  void divideSqrtAndRsqrt() {
    Tensor x = scope.fromDoubles(new double[] {4, 9}, 2);
    assertThat(scope.divide(x, scope.fromDoubles(new double[] {8}, 1)).toDoubles())
        .containsExactly(0.5, 1.125);
    assertThat(scope.sqrt(x).toDoubles()).containsExactly(2, 3);
    double[] r = scope.rsqrt(x).toDoubles();
    assertThat(r[0]).isCloseTo(0.5, within(1e-15));
    assertThat(r[1]).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void batchMatmulBroadcastsAMatrixOverTheBatch() {
    // m = [[1, 2]] (1x2) times each 2x2 batch entry.
    Tensor m = scope.fromFloats(new float[] {1, 2}, 1, 2);
    Tensor batch = scope.fromFloats(new float[] {1, 0, 0, 1, 3, 4, 5, 6}, 2, 2, 2);
    Tensor y = scope.batchMatmul(m, batch, false, false);
    assertThat(y.shape()).containsExactly(2, 1, 2);
    // [1,2]·I = [1,2]; [1,2]·[[3,4],[5,6]] = [13, 16]
    assertThat(y.toFloats()).containsExactly(1, 2, 13, 16);
    // m^T (2x1) times batch entry rows: adjoint of a (1x2) -> (2x1) needs (N,1,k) on the right.
    Tensor z = scope.batchMatmul(m, scope.fromFloats(new float[] {10, 20}, 2, 1, 1), true, false);
    assertThat(z.shape()).containsExactly(2, 2, 1);
    assertThat(z.toFloats()).containsExactly(10, 20, 20, 40);
    assertThatThrownBy(() -> scope.batchMatmul(m, m, false, false))
        .hasMessageContaining("incompatible shapes");
  }

  /** n ones. */
  private static float[] ones(int n) {
    float[] v = new float[n];
    Arrays.fill(v, 1);
    return v;
  }
}
