package dev.xaicam.cam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The first principal component and its sign rule on hand-worked 4 x 2 matrices. */
class FirstPrincipalComponentTest {

  /** sqrt(5), the norm of (1, 2). */
  private static final double ROOT5 = Math.sqrt(5);

  @Test
  void projectsCentredRowsOnTheFirstRightSingularVector() {
    // rows (1,2), (2,4), (3,6), (6,12); column means (3, 6); centred rows (-2,-4), (-1,-2), (0,0),
    // (3,6) are all multiples of (1,2), so v = (1,2)/sqrt(5) and the projections are
    // -10/sqrt(5), -5/sqrt(5), 0, 15/sqrt(5)
    double[] values = {1, 2, 2, 4, 3, 6, 6, 12};

    assertThat(FirstPrincipalComponent.projection(values, 4, 2))
        .containsExactly(new double[] {-2 * ROOT5, -ROOT5, 0, 3 * ROOT5}, within(1e-12));
  }

  @Test
  void flipsTheSignSoThatTheLargestMagnitudeIsPositive() {
    // the negated matrix: centred rows (2,4), (1,2), (0,0), (-3,-6) project to 2, 1, 0, -3
    // times sqrt(5); -3 sqrt(5) has the largest magnitude, so the map is flipped
    double[] values = {-1, -2, -2, -4, -3, -6, -6, -12};

    assertThat(FirstPrincipalComponent.projection(values, 4, 2))
        .containsExactly(new double[] {-2 * ROOT5, -ROOT5, 0, 3 * ROOT5}, within(1e-12));
  }

  @Test
  void onATieTheFirstPixelOfLargestMagnitudeIsPositive() {
    // rows (0,2), (1,0), (0,-2), (-1,0) are centred; M^T M = diag(8, 2), so v = (0, 1) and the
    // projections are +-(2, 0, -2, 0); |min| = |max|, and pixel 0 comes first
    double[] values = {0, 2, 1, 0, 0, -2, -1, 0};

    assertThat(FirstPrincipalComponent.projection(values, 4, 2))
        .containsExactly(new double[] {2, 0, -2, 0}, within(1e-12));
  }

  @Test
  void constantChannelsGiveZeros() {
    assertThat(FirstPrincipalComponent.projection(new double[] {3, -1, 3, -1, 3, -1}, 3, 2))
        .containsExactly(0, 0, 0);
  }

  @Test
  void moreChannelsThanPixelsWork() {
    // 2 pixels x 3 channels: rows (0,0,0) and (2,0,4) centre to (-1,0,-2) and (1,0,2), so
    // v = +-(1,0,2)/sqrt(5) and the projections are +-(-sqrt(5), sqrt(5)): a tie, pixel 0 wins
    double[] values = {0, 0, 0, 2, 0, 4};

    assertThat(FirstPrincipalComponent.projection(values, 2, 3))
        .containsExactly(new double[] {ROOT5, -ROOT5}, within(1e-12));
  }

  @Test
  void rejectsAWrongLength() {
    assertThatThrownBy(() -> FirstPrincipalComponent.projection(new double[5], 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 2x3 values, got 5");
  }

  @Test
  void inverseIterationFindsTheFullDecompositionsTopVector() {
    // A VGG16-sized problem (196 pixels x 512 channels) of random non-negative activations.
    Random random = new Random(3);
    double[] m = new double[196 * 512];
    for (int i = 0; i < m.length; i++) {
      m[i] = Math.max(0, random.nextGaussian());
    }
    DMatrixRMaj gram = FirstPrincipalComponent.rowGram(m, 196, 512);

    FirstPrincipalComponent.TopEigenpair fast = FirstPrincipalComponent.topEigenpair(gram);
    FirstPrincipalComponent.TopEigenpair full = FirstPrincipalComponent.fullDecomposition(gram);

    assertThat(fast).isNotNull();
    assertThat(fast.value()).isCloseTo(full.value(), within(1e-9 * full.value()));
    double sign = Math.signum(dot(fast.vector(), full.vector()));
    for (int i = 0; i < 196; i++) {
      assertThat(sign * fast.vector()[i]).isCloseTo(full.vector()[i], within(1e-12));
    }
  }

  @Test
  void aTieAtTheTopIsLeftToTheFullDecomposition() {
    // diag(4, 4, 1): any unit vector of the first two axes is a top eigenvector
    DMatrixRMaj gram = new DMatrixRMaj(new double[][] {{4, 0, 0}, {0, 4, 0}, {0, 0, 1}});

    assertThat(FirstPrincipalComponent.topEigenpair(gram)).isNull();
  }

  @Test
  void theGramMatrixIsEveryPairOfRowsDotted() {
    // rows (1,2,3,4,5) and (0,1,0,-1,2): five columns exercise the unrolled loop and its tail
    double[] m = {1, 2, 3, 4, 5, 0, 1, 0, -1, 2};

    assertThat(FirstPrincipalComponent.rowGram(m, 2, 5).data)
        .containsExactly(55, 8, 8, 6);
  }

  /** The dot product of two equally long vectors. */
  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
