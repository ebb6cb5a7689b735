package dev.xaicam.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Strided, padded and dilated convolution and pooling: hand-worked values, and each gradient op
 * checked as the exact adjoint of its linear forward map ({@code <dy, f(x)> = <f^T(dy), x>}).
 */
@Tag("native")
class SpatialOpsTest {
  /** Scope for one test. */
  private TensorScope scope;

  @BeforeEach
  void open() {
    scope = TensorRuntime.shared().openScope();
  }

  @AfterEach
  void close() {
    scope.close();
  }

  @Test
  void sameConvolutionWithStrideTwoPadsOnlyBottomAndRight() {
    // 4x4 input 1..16, 3x3 ones kernel, stride 2: TensorFlow pads one row/column after, none before
    Tensor x = scope.fromDoubles(range(16), 1, 4, 4, 1);
    Tensor k = scope.fromDoubles(ones(9), 3, 3, 1, 1);
    Tensor y = scope.conv2d(x, k, new ConvOptions(2, 2, Padding.SAME, 1, 1));
    assertThat(y.shape()).containsExactly(1, 2, 2, 1);
    assertThat(y.toDoubles()).containsExactly(54, 45, 72, 54);
  }

  @Test
  void dilatedValidConvolutionSkipsCells() {
    // 3 taps spread 2 apart over a 5x5 input 1..25: rows and columns 0, 2, 4 only
    Tensor x = scope.fromDoubles(range(25), 1, 5, 5, 1);
    Tensor k = scope.fromDoubles(ones(9), 3, 3, 1, 1);
    Tensor y = scope.conv2d(x, k, new ConvOptions(1, 1, Padding.VALID, 2, 2));
    assertThat(y.shape()).containsExactly(1, 1, 1, 1);
    assertThat(y.toDoubles()).containsExactly(1 + 3 + 5 + 11 + 13 + 15 + 21 + 23 + 25);
  }

  @Test
  void convolutionGradientsAreAdjointsForEveryOptionMix() {
    ConvOptions[] cases = {
        ConvOptions.UNIT_SAME,
        new ConvOptions(2, 2, Padding.SAME, 1, 1),
        new ConvOptions(2, 1, Padding.VALID, 1, 1),
        new ConvOptions(1, 1, Padding.SAME, 2, 3),
        new ConvOptions(1, 1, Padding.VALID, 2, 1)};
    int[] inputShape = {2, 7, 8, 3};
    int[] kernelShape = {3, 2, 3, 4};
    for (ConvOptions options : cases) {
      double[] xv = random(1, 2 * 7 * 8 * 3);
      double[] kv = random(2, 3 * 2 * 3 * 4);
      Tensor x = scope.fromDoubles(xv, inputShape);
      Tensor k = scope.fromDoubles(kv, kernelShape);
      Tensor y = scope.conv2d(x, k, options);
      double[] dyv = random(3, (int) y.size());
      Tensor dy = scope.fromDoubles(dyv, y.shape());
      double forward = dot(dyv, y.toDoubles());
      double viaInput = dot(scope.conv2dBackpropInput(inputShape, k, dy, options).toDoubles(), xv);
      double viaFilter = dot(scope.conv2dBackpropFilter(x, kernelShape, dy, options).toDoubles(),
          kv);
      assertThat(viaInput).as("input adjoint, " + options).isCloseTo(forward, within(1e-9));
      assertThat(viaFilter).as("filter adjoint, " + options).isCloseTo(forward, within(1e-9));
    }
  }

  @Test
  void averagePoolingWithSamePaddingIgnoresPaddedCells() {
    Tensor x = scope.fromDoubles(range(9), 1, 3, 3, 1);
    PoolOptions options = new PoolOptions(2, 2, 2, 2, Padding.SAME);
    Tensor y = scope.avgPool(x, options);
    assertThat(y.shape()).containsExactly(1, 2, 2, 1);
    assertThat(y.toDoubles()).containsExactly(3, 4.5, 7.5, 9);
    Tensor dx = scope.avgPoolGrad(new int[] {1, 3, 3, 1}, scope.fromDoubles(ones(4), 1, 2, 2, 1),
        options);
    assertThat(dx.toDoubles()).containsExactly(0.25, 0.25, 0.5, 0.25, 0.25, 0.5, 0.5, 0.5, 1);
  }

  @Test
  void averagePoolGradientIsTheAdjointWithOverlappingWindows() {
    PoolOptions options = new PoolOptions(3, 2, 2, 1, Padding.SAME);
    double[] xv = random(4, 2 * 5 * 4 * 3);
    Tensor y = scope.avgPool(scope.fromDoubles(xv, 2, 5, 4, 3), options);
    double[] dyv = random(5, (int) y.size());
    Tensor dx = scope.avgPoolGrad(new int[] {2, 5, 4, 3}, scope.fromDoubles(dyv, y.shape()),
        options);
    assertThat(dot(dx.toDoubles(), xv)).isCloseTo(dot(dyv, y.toDoubles()), within(1e-12));
  }

  @Test
  void maxPoolingWithOverlappingWindowsAndItsGradient() {
    // 3x3 windows moved by 2 over 1..25 (5x5), VALID: maxima at the windows' bottom-right cells
    Tensor x = scope.fromDoubles(range(25), 1, 5, 5, 1);
    PoolOptions options = new PoolOptions(3, 3, 2, 2, Padding.VALID);
    Tensor y = scope.maxPool(x, options);
    assertThat(y.toDoubles()).containsExactly(13, 15, 23, 25);
    Tensor dx = scope.maxPoolGrad(x, y, scope.fromDoubles(new double[] {1, 2, 3, 4}, 1, 2, 2, 1),
        options);
    double[] expected = new double[25];
    expected[12] = 1;
    expected[14] = 2;
    expected[22] = 3;
    expected[24] = 4;
    assertThat(dx.toDoubles()).containsExactly(expected);
  }

  @Test
  void shapesThatLeaveNoOutputAreRefusedBeforeTensorFlow() {
    Tensor x = scope.fromDoubles(ones(4), 1, 2, 2, 1);
    Tensor k = scope.fromDoubles(ones(9), 3, 3, 1, 1);
    assertThatThrownBy(() -> scope.conv2d(x, k, new ConvOptions(1, 1, Padding.VALID, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves no output");
    assertThatThrownBy(() -> scope.maxPool(x, new PoolOptions(3, 3, 1, 1, Padding.VALID)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves no output");
    Tensor dy = scope.fromDoubles(ones(4), 1, 2, 2, 1);
    assertThatThrownBy(() -> scope.conv2dBackpropInput(new int[] {1, 4, 4, 1}, k, dy,
        ConvOptions.UNIT_SAME)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dy must be [1, 4, 4, 1]");
    assertThatThrownBy(() -> scope.avgPoolGrad(new int[] {1, 4, 4, 1}, dy,
        new PoolOptions(2, 2, 1, 1, Padding.SAME))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dy must be [1, 4, 4, 1]");
    assertThat(scope.conv2d(x, k, ConvOptions.UNIT_SAME).toDoubles()).containsExactly(4, 4, 4, 4);
  }

  /** 1, 2, ..., n. */
  private static double[] range(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i + 1;
    }
    return v;
  }

  /** n ones. */
  private static double[] ones(int n) {
    double[] v = new double[n];
    java.util.Arrays.fill(v, 1);
    return v;
  }

  /** n uniform values in [-1, 1). */
  private static double[] random(long seed, int n) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 2 * r.nextDouble() - 1;
    }
    return v;
  }

  /** Sum of a[i] * b[i]. */
  private static double dot(double[] a, double[] b) {
    assertThat(a).hasSameSizeAs(b);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
