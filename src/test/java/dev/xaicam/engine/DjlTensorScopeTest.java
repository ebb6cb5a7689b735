package dev.xaicam.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each op's shape and values on tiny hand-worked inputs, in float32 and float64. */
@Tag("native")
class DjlTensorScopeTest {
  /** Scope for one test. */
  private TensorScope scope;

  /** The values 1..9 as a 1x3x3x1 image. */
  private static final float[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

  @BeforeEach
  void open() {
    scope = TensorRuntime.shared().openScope();
  }

  @AfterEach
  void close() {
    scope.close();
  }

  @Test
  void javaArraysGoUpExactlyAndTheirNativeMemoryGoesWithTheScope() {
    int before = TensorRuntime.shared().liveTensorCount();
    try (TensorScope inner = scope.child()) {
      float[] floats = {1.5f, -2f, Float.MIN_VALUE, Float.MAX_VALUE, 0f, 3f};
      double[] doubles = {Math.PI, -Double.MIN_VALUE, 1e300, 0, 7, -8};
      Tensor f = inner.fromFloats(floats, 2, 3);
      Tensor d = inner.fromDoubles(doubles, 3, 2);

      assertThat(f.shape()).containsExactly(2, 3);
      assertThat(f.toFloats()).containsExactly(floats);
      assertThat(d.shape()).containsExactly(3, 2);
      assertThat(d.toDoubles()).containsExactly(doubles);
      assertThat(TensorRuntime.shared().liveTensorCount()).isEqualTo(before + 2);
    }
    assertThat(TensorRuntime.shared().liveTensorCount()).isEqualTo(before);
  }

  @Test
  void conv2dSamePaddingSumsNeighbourhoods() {
    Tensor x = scope.fromFloats(ONE_TO_NINE, 1, 3, 3, 1);
    Tensor k = scope.fromFloats(ones(9), 3, 3, 1, 1);
    Tensor y = scope.conv2d(x, k, ConvOptions.UNIT_SAME);
    assertThat(y.shape()).containsExactly(1, 3, 3, 1);
    assertThat(y.toFloats()).containsExactly(12, 21, 16, 27, 45, 33, 24, 39, 28);
  }

  @Test
  void conv2dMixesInputChannelsIntoOutputChannels() {
    // 1x1 kernel (1,1,2,3): out_c = sum_i x_i * k[i][c]
    Tensor x = scope.fromFloats(new float[] {1, 2}, 1, 1, 1, 2);
    Tensor k = scope.fromFloats(new float[] {1, 10, 100, 2, 20, 200}, 1, 1, 2, 3);
    assertThat(scope.conv2d(x, k, ConvOptions.UNIT_SAME).toFloats()).containsExactly(5, 50, 500);
  }

  @Test
  void conv2dBackpropInputCountsCoveringWindows() {
    Tensor k = scope.fromFloats(ones(9), 3, 3, 1, 1);
    Tensor dy = scope.fromFloats(ones(9), 1, 3, 3, 1);
    Tensor dx = scope.conv2dBackpropInput(new int[] {1, 3, 3, 1}, k, dy, ConvOptions.UNIT_SAME);
    assertThat(dx.shape()).containsExactly(1, 3, 3, 1);
    assertThat(dx.toFloats()).containsExactly(4, 6, 4, 6, 9, 6, 4, 6, 4);
  }

  @Test
  void conv2dBackpropFilterCorrelatesInputWithGradient() {
    Tensor x = scope.fromFloats(ONE_TO_NINE, 1, 3, 3, 1);
    Tensor dy = scope.fromFloats(ones(9), 1, 3, 3, 1);
    Tensor dk = scope.conv2dBackpropFilter(x, new int[] {3, 3, 1, 1}, dy, ConvOptions.UNIT_SAME);
    assertThat(dk.shape()).containsExactly(3, 3, 1, 1);
    assertThat(dk.toFloats()).containsExactly(12, 21, 16, 27, 45, 33, 24, 39, 28);
  }

  @Test
  void biasAddAndItsGradient() {
    Tensor x = scope.fromFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor b = scope.fromFloats(new float[] {10, 20, 30}, 3);
    assertThat(scope.biasAdd(x, b).toFloats()).containsExactly(11, 22, 33, 14, 25, 36);
    Tensor db = scope.biasAddGrad(x);
    assertThat(db.shape()).containsExactly(3);
    assertThat(db.toFloats()).containsExactly(5, 7, 9);
  }

  @Test
  void reluAndReluGradUseTheOutputSign() {
    Tensor y = scope.relu(scope.fromFloats(new float[] {-1, 0, 2}, 3));
    assertThat(y.toFloats()).containsExactly(0, 0, 2);
    Tensor dx = scope.reluGrad(scope.fromFloats(new float[] {5, 6, 7}, 3), y);
    assertThat(dx.toFloats()).containsExactly(0, 0, 7);
  }

  @Test
  void maxPoolTakesWindowMaximaAndDropsOddEdges() {
    float[] v = new float[25];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    Tensor y = scope.maxPool(scope.fromFloats(v, 1, 5, 5, 1), PoolOptions.TWO_BY_TWO);
    assertThat(y.shape()).containsExactly(1, 2, 2, 1);
    assertThat(y.toFloats()).containsExactly(6, 8, 16, 18);
  }

  @Test
  void maxPoolGradRoutesToTheArgmax() {
    float[] v = {1, 9, 2, 3, //
        4, 0, 8, 5, //
        7, 6, 1, 1, //
        2, 3, 4, 0};
    Tensor x = scope.fromFloats(v, 1, 4, 4, 1);
    Tensor y = scope.maxPool(x, PoolOptions.TWO_BY_TWO);
    assertThat(y.toFloats()).containsExactly(9, 8, 7, 4);
    Tensor dx = scope.maxPoolGrad(x, y, scope.fromFloats(new float[] {1, 2, 3, 4}, 1, 2, 2, 1), PoolOptions.TWO_BY_TWO);
    assertThat(dx.toFloats()).containsExactly(0, 1, 0, 0, 0, 0, 2, 0, 3, 0, 0, 0, 0, 0, 4, 0);
  }

  @Test
  void matmulWithAndWithoutTransposes() {
    Tensor a = scope.fromFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor b = scope.fromFloats(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
    Tensor ab = scope.matmul(a, b, false, false);
    assertThat(ab.shape()).containsExactly(2, 2);
    assertThat(ab.toFloats()).containsExactly(4, 5, 10, 11);
    // a^T (3,2) times a (2,3)
    Tensor ata = scope.matmul(a, a, true, false);
    assertThat(ata.shape()).containsExactly(3, 3);
    assertThat(ata.toFloats()).containsExactly(17, 22, 27, 22, 29, 36, 27, 36, 45);
    // a (2,3) times a^T (3,2)
    assertThat(scope.matmul(a, a, false, true).toFloats()).containsExactly(14, 32, 32, 77);
  }

  @Test
  void softmaxNormalisesTheLastAxis() {
    Tensor p = scope.softmax(scope.fromDoubles(new double[] {0, Math.log(3), 5, 5}, 2, 2));
    assertThat(p.toDoubles()).containsExactly(new double[] {0.25, 0.75, 0.5, 0.5}, within(1e-15));
  }

  @Test
  void reshapeKeepsRowMajorOrderAndChecksSize() {
    Tensor x = scope.fromFloats(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
    Tensor r = scope.reshape(x, 3, 2);
    assertThat(r.shape()).containsExactly(3, 2);
    assertThat(r.toFloats()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThatThrownBy(() -> scope.reshape(x, 4, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 2, 3]").hasMessageContaining("[4, 2]");
  }

  @Test
  void multiplySubtractAndSumBroadcast() {
    Tensor col = scope.fromFloats(new float[] {1, 2}, 2, 1);
    Tensor row = scope.fromFloats(new float[] {10, 20, 30}, 1, 3);
    Tensor m = scope.multiply(col, row);
    assertThat(m.shape()).containsExactly(2, 3);
    assertThat(m.toFloats()).containsExactly(10, 20, 30, 20, 40, 60);
    assertThat(scope.subtract(m, col).toFloats()).containsExactly(9, 19, 29, 18, 38, 58);
    Tensor s = scope.sumLastAxis(m);
    assertThat(s.shape()).containsExactly(2, 1);
    assertThat(s.toFloats()).containsExactly(60, 120);
  }

  @Test
  void addBroadcastsAndScaleKeepsPrecision() {
    Tensor col = scope.fromFloats(new float[] {1, 2}, 2, 1);
    Tensor row = scope.fromFloats(new float[] {10, 20, 30}, 1, 3);
    assertThat(scope.add(col, row).toFloats()).containsExactly(11, 21, 31, 12, 22, 32);
    assertThat(scope.scale(row, 0.5).toFloats()).containsExactly(5, 10, 15);
    double third = 1.0 / 3;
    assertThat(scope.scale(scope.fromDoubles(new double[] {1}, 1), third).toDoubles())
        .containsExactly(third);
  }

  @Test
  void float64KeepsDoublePrecisionThroughOps() {
    double tiny = 1e-12;
    Tensor x = scope.fromDoubles(new double[] {1 + tiny, 1}, 1, 1, 1, 2);
    Tensor k = scope.fromDoubles(new double[] {1, -1}, 1, 1, 2, 1);
    Tensor y = scope.conv2d(x, k, ConvOptions.UNIT_SAME);
    double exact = (1 + tiny) - 1;
    assertThat(y.toDoubles()[0]).isEqualTo(exact);
    Tensor z = scope.matmul(scope.fromDoubles(new double[] {1 + tiny, 1}, 1, 2),
        scope.fromDoubles(new double[] {1, -1}, 2, 1), false, false);
    assertThat(z.toDoubles()[0]).isEqualTo(exact);
    assertThat(y.toFloats()[0]).isEqualTo((float) y.toDoubles()[0]);
  }

  @Test
  void rejectsValuesThatDoNotFillTheShape() {
    assertThatThrownBy(() -> scope.fromFloats(new float[5], 2, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 5 values");
  }

  @Test
  void badShapesAreRefusedBeforeTensorFlowSeesThem() {
    Tensor a = scope.fromFloats(ones(6), 2, 3);
    assertThatThrownBy(() -> scope.matmul(a, a, false, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3] and [2, 3]");
    assertThatThrownBy(() -> scope.conv2d(a, a, ConvOptions.UNIT_SAME)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conv2d input must have 4 dimensions");
    assertThatThrownBy(() -> scope.multiply(a, scope.fromFloats(ones(2), 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiply");
    assertThatThrownBy(() -> scope.multiply(a, scope.fromDoubles(new double[6], 2, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mixed element types");
    // the context still works: nothing reached TensorFlow
    assertThat(scope.matmul(a, a, false, true).toFloats()).containsExactly(3, 3, 3, 3);
  }

  @Test
  void activationsMatchTheirFormulas() {
    double[] x = {-2, 0, 1, 7};
    assertThat(op(scope::relu6, x)).containsExactly(0, 0, 1, 6);
    assertThat(op(scope::sigmoid, x)[1]).isEqualTo(0.5);
    assertThat(op(scope::tanh, x)[2]).isCloseTo(Math.tanh(1), within(1e-15));
    assertThat(op(scope::elu, x)[0]).isCloseTo(Math.exp(-2) - 1, within(1e-15));
    assertThat(op(scope::selu, x)[2]).isCloseTo(1.0507009873554805, within(1e-15));
    assertThat(op(scope::softplus, x)[1]).isCloseTo(Math.log(2), within(1e-15));
    assertThat(op(t -> scope.leakyRelu(t, 0.25), x)).containsExactly(-0.5, 0, 1, 7);
    assertThat(op(scope::erf, x)[1]).isZero();
    assertThat(op(scope::exp, x)[2]).isCloseTo(Math.E, within(1e-15));
    assertThat(op(t -> scope.greater(t, 0), x)).containsExactly(0, 0, 1, 1);
    assertThat(op(t -> scope.clip(t, -1, 2), x)).containsExactly(-1, 0, 1, 2);
    assertThat(op(t -> scope.addScalar(t, 0.5), x)).containsExactly(-1.5, 0.5, 1.5, 7.5);
    assertThat(scope.greater(scope.fromFloats(new float[] {1, -1}, 2), 0).toFloats())
        .containsExactly(1, 0);
  }

  @Test
  void activationGradientsMatchCentralDifferences() {
    double[] x = {-2.3, -0.7, 0.4, 1.9, 6.5};
    double alpha = 0.2;
    gradientMatches(scope::relu6, (dy, in, out) -> scope.relu6Grad(dy, in), x);
    gradientMatches(scope::sigmoid, (dy, in, out) -> scope.sigmoidGrad(dy, out), x);
    gradientMatches(scope::tanh, (dy, in, out) -> scope.tanhGrad(dy, out), x);
    gradientMatches(scope::elu, (dy, in, out) -> scope.eluGrad(dy, out), x);
    gradientMatches(scope::selu, (dy, in, out) -> scope.seluGrad(dy, out), x);
    gradientMatches(scope::softplus, (dy, in, out) -> scope.softplusGrad(dy, in), x);
    gradientMatches(t -> scope.leakyRelu(t, alpha),
        (dy, in, out) -> scope.leakyReluGrad(dy, in, alpha), x);
  }

  @Test
  void padSliceAndSumMoveBlocksAndReduceAxes() {
    Tensor x = scope.fromFloats(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor p = scope.pad(x, new int[][] {{1, 0}, {0, 2}});
    assertThat(p.shape()).containsExactly(3, 4);
    assertThat(p.toFloats()).containsExactly(0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0);
    assertThat(scope.slice(p, new int[] {1, 1}, new int[] {2, 2}).toFloats())
        .containsExactly(2, 0, 4, 0);
    Tensor s = scope.sum(scope.reshape(p, 3, 2, 2), new int[] {0, 2}, false);
    assertThat(s.shape()).containsExactly(2);
    assertThat(s.toFloats()).containsExactly(1 + 2 + 3 + 4, 0);
    assertThatThrownBy(() -> scope.slice(p, new int[] {2, 0}, new int[] {2, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slice");
    assertThatThrownBy(() -> scope.pad(x, new int[][] {{-1, 0}, {0, 0}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pad: axis 0");
    assertThatThrownBy(() -> scope.sum(x, new int[] {1, 1}, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
  }

  /** A gradient op given dy, the forward input and the forward output. */
  private interface GradientOp {
    Tensor apply(Tensor dy, Tensor x, Tensor y);
  }

  /** Values of a unary op applied to float64 {@code x}. */
  private double[] op(java.util.function.UnaryOperator<Tensor> f, double[] x) {
    return f.apply(scope.fromDoubles(x, x.length)).toDoubles();
  }

  /** Checks {@code grad} with dy = 1 against (f(x + h) - f(x - h)) / 2h at every element. */
  private void gradientMatches(java.util.function.UnaryOperator<Tensor> f, GradientOp grad,
      double[] x) {
    double h = 1e-6;
    double[] plus = new double[x.length];
    double[] minus = new double[x.length];
    double[] one = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      plus[i] = x[i] + h;
      minus[i] = x[i] - h;
      one[i] = 1;
    }
    Tensor in = scope.fromDoubles(x, x.length);
    double[] g = grad.apply(scope.fromDoubles(one, x.length), in, f.apply(in)).toDoubles();
    double[] fp = op(f, plus);
    double[] fm = op(f, minus);
    for (int i = 0; i < x.length; i++) {
      assertThat(g[i]).as("gradient at " + x[i]).isCloseTo((fp[i] - fm[i]) / (2 * h), within(1e-8));
    }
  }

  /** n ones. */
  private static float[] ones(int n) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, 1f);
    return v;
  }
}
