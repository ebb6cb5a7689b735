package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.INPUT_GRADIENT_FUNCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.XaiCamException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SmoothGrad against a fake quadratic score on a 1 x 2 x 2 input. */
class SmoothGradTest {

  /** x = [0, 10, 5, 5]: range 10. */
  private static final float[] X = {0, 10, 5, 5};
  /** dS/dx = w + q x with w = [1, -1, 0, 2], q = [0, 0, 1, -1]. */
  private static final double[] W = {1, -1, 0, 2};
  /** The quadratic coefficients q. */
  private static final double[] Q = {0, 0, 1, -1};

  /** A fake function over x with the given batch size. */
  private static FakeInputGradientFunction function(int batchSize) {
    return new FakeInputGradientFunction(1, 2, 2, X.clone(), W, Q, batchSize);
  }

  /** SmoothGrad's raw map over a fresh fake. */
  private static RawMap run(SmoothGrad method, FakeInputGradientFunction function) {
    return method.rawMap(CamInputs.of(null).withInputGradientFunction(function));
  }

  @Test
  void withoutNoiseItIsSaliencyAtTheInput() {
    FakeInputGradientFunction f = function(4);

    // every copy is x: |w + q x| = [1, 1, 5, 3]; max per pixel [1, 5]
    assertThat(run(new SmoothGrad(3, 0, 7), f).values()).containsExactly(1, 5);
    assertThat(f.inputs).hasSize(3).allSatisfy(copy -> assertThat(copy).containsExactly(X));
  }

  @Test
  void noiseIsTheLevelTimesTheInputRangeDrawnFromTheSeed() {
    FakeInputGradientFunction f = function(2);

    RawMap map = run(new SmoothGrad(3, 0.2, 42), f);

    // sigma = 0.2 * (10 - 0) = 2; copies drawn one after another, element by element
    Random random = new Random(42);
    double[] total = new double[4];
    for (int j = 0; j < 3; j++) {
      float[] copy = f.inputs.get(j);
      for (int i = 0; i < 4; i++) {
        assertThat(copy[i]).isEqualTo((float) (X[i] + 2 * random.nextGaussian()));
        total[i] += Math.abs((double) (float) (W[i] + Q[i] * copy[i]));
      }
    }
    assertThat(f.calls).containsExactly(2, 1);
    assertThat(map.values())
        .containsExactly(
            new double[] {Math.max(total[0], total[1]) / 3, Math.max(total[2], total[3]) / 3},
            within(1e-12));
  }

  @Test
  void theBatchSizeDoesNotChangeTheMap() {
    RawMap one = run(new SmoothGrad(5, 0.2, 3), function(1));
    RawMap five = run(new SmoothGrad(5, 0.2, 3), function(5));

    assertThat(five.values()).containsExactly(one.values());
  }

  @Test
  void checksItsOptions() {
    assertThatThrownBy(() -> new SmoothGrad(0, 0.2, 1).checkOptions(512, "block5_conv3"))
        .isInstanceOfSatisfying(
            XaiCamException.class,
            e -> assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_USAGE))
        .hasMessage("--smooth-samples must be at least 1, got 0");
    assertThatThrownBy(() -> new SmoothGrad(2, -0.1, 1).checkOptions(512, "block5_conv3"))
        .hasMessage("--smooth-noise must be a non-negative number, got -0.1");
    assertThatThrownBy(() -> run(new SmoothGrad(2, Double.NaN, 1), function(2)))
        .hasMessage("--smooth-noise must be a non-negative number, got NaN");
    new SmoothGrad(1, 0, 1).checkOptions(512, "block5_conv3");
  }

  @Test
  void describesItself() {
    assertThat(new SmoothGrad(1, 0, 1).name()).isEqualTo("smoothgrad");
    assertThat(new SmoothGrad(1, 0, 1).needs()).containsExactly(INPUT_GRADIENT_FUNCTION);
  }
}
