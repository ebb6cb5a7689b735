package dev.xaicam.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ROAD's noisy linear imputation on a 4 x 4 image solved by hand (and checked against the
 * authors' {@code setup_sparse_system} + SciPy {@code spsolve}, which give the same 78, 48, 32).
 */
class NoisyLinearImputerTest {

  /**
   * Channel 0 (channel 1 is twice it), with x marking the removed pixels (1,1), (1,2), (3,3):
   *
   * <pre>
   *     0  120   12    0
   *   144    x    x   12
   *    24  120   36   60
   *   200    0    2    x
   * </pre>
   */
  private static final float[] CHANNEL0 = {
    0, 120, 12, 0, 144, 255, 255, 12, 24, 120, 36, 60, 200, 0, 2, 255
  };

  /** The 4 x 4 x 2 image, channel 1 = 2 * channel 0. */
  private static InputImage image() {
    float[] values = new float[32];
    for (int p = 0; p < 16; p++) {
      values[2 * p] = CHANNEL0[p];
      values[2 * p + 1] = 2 * CHANNEL0[p];
    }
    return new InputImage(4, 4, 2, values);
  }

  /** Removed: (1,1), (1,2) and (3,3). */
  private static boolean[] removed() {
    boolean[] removed = new boolean[16];
    removed[5] = true;
    removed[6] = true;
    removed[15] = true;
    return removed;
  }

  @Test
  void solvesTheNeighbourAverageSystemByHand() {
    // x11 (all 8 neighbours inside, weights 1/6 edge, 1/12 corner, sum 1):
    //   x11 = (0 + 12 + 24 + 36) / 12 + (120 + 144 + 120 + x12) / 6, i.e. 12 x11 = 840 + 2 x12
    // x12 = (120 + 0 + 120 + 60) / 12 + (12 + 12 + 36 + x11) / 6, i.e. 12 x12 = 420 + 2 x11
    //   => x11 = (6 * 840 + 420) / 70 = 78, x12 = (6 * 420 + 840) / 70 = 48
    // x33 (corner: neighbours (2,3) and (3,2) at 1/6, (2,2) at 1/12, inside weight 5/12):
    //   x33 = (60 / 6 + 2 / 6 + 36 / 12) / (5 / 12) = (120 + 4 + 36) / 5 = 32
    InputImage imputed = NoisyLinearImputer.impute(image(), removed(), 0, new Random(1));

    float[] expected = new float[32];
    for (int p = 0; p < 16; p++) {
      float v = p == 5 ? 78 : p == 6 ? 48 : p == 15 ? 32 : CHANNEL0[p];
      expected[2 * p] = v;
      expected[2 * p + 1] = 2 * v;
    }
    assertThat(imputed.values()).containsExactly(expected, within(1e-4f));
  }

  @Test
  void addsNoiseToImputedValuesOnlyInPixelThenChannelOrder() {
    InputImage imputed = NoisyLinearImputer.impute(image(), removed(), 2.5, new Random(9));

    Random random = new Random(9);
    float[] v = imputed.values();
    assertThat(v[10]).isCloseTo((float) (78 + 2.5 * random.nextGaussian()), within(1e-4f));
    assertThat(v[11]).isCloseTo((float) (156 + 2.5 * random.nextGaussian()), within(1e-4f));
    assertThat(v[12]).isCloseTo((float) (48 + 2.5 * random.nextGaussian()), within(1e-4f));
    assertThat(v[13]).isCloseTo((float) (96 + 2.5 * random.nextGaussian()), within(1e-4f));
    assertThat(v[30]).isCloseTo((float) (32 + 2.5 * random.nextGaussian()), within(1e-4f));
    assertThat(v[31]).isCloseTo((float) (64 + 2.5 * random.nextGaussian()), within(1e-4f));
    assertThat(v[0]).isZero();
    assertThat(v[2]).isEqualTo(120);
  }

  @Test
  void nothingRemovedIsACopyAndEverythingRemovedIsRefused() {
    InputImage image = image();

    assertThat(NoisyLinearImputer.impute(image, new boolean[16], 1, new Random(1)).values())
        .containsExactly(image.values());
    boolean[] all = new boolean[16];
    Arrays.fill(all, true);
    assertThatThrownBy(() -> NoisyLinearImputer.impute(image, all, 0, new Random(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot impute every pixel: none is left to interpolate");
    assertThatThrownBy(() -> NoisyLinearImputer.impute(image, new boolean[15], 0, new Random(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mask length 15 != 16 pixels");
  }
}
