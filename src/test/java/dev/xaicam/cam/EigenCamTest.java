package dev.xaicam.cam;

import static dev.xaicam.cam.MethodNeed.LAYER_ACTIVATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Eigen-CAM on a hand-worked 2 x 2 x 2 signal of rank one after centring. */
class EigenCamTest {

  /** sqrt(5), the norm of (1, 2). */
  private static final double ROOT5 = Math.sqrt(5);

  /** Pixels (1,2), (2,4), (3,6), (6,12): after centring all multiples of (1, 2). */
  private static LayerSignal signal(double[][] gradients, int targetClass) {
    LayerSignal s =
        TestSignals.of(2, 2, new double[][] {{1, 2, 3, 6}, {2, 4, 6, 12}}, gradients, 4);
    return new LayerSignal(2, 2, 2, s.activations(), s.gradients(), targetClass, 4);
  }

  @Test
  void mapIsTheFirstPrincipalComponentOfTheActivations() {
    // centred pixels (-2,-4), (-1,-2), (0,0), (3,6) project on (1,2)/sqrt(5)
    RawMap map = new EigenCam().rawMap(CamInputs.of(signal(null, 0)));

    assertThat(map.values())
        .containsExactly(new double[] {-2 * ROOT5, -ROOT5, 0, 3 * ROOT5}, within(1e-12));
    assertThat(CamComputation.compute(new EigenCam(), CamInputs.of(signal(null, 0)), 2, 2).values())
        .containsExactly(0, 0, 0, 1);
  }

  @Test
  void ignoresGradientsAndTheTargetClass() {
    RawMap plain = new EigenCam().rawMap(CamInputs.of(signal(null, 0)));
    RawMap other =
        new EigenCam()
            .rawMap(CamInputs.of(signal(new double[][] {{9, -9, 1, 0}, {3, 3, 3, -3}}, 7)));

    assertThat(other.values()).containsExactly(plain.values());
  }

  @Test
  void describesItself() {
    assertThat(new EigenCam().name()).isEqualTo("eigencam");
    assertThat(new EigenCam().needs()).containsExactly(LAYER_ACTIVATIONS);
    assertThat(new EigenCam().description()).contains("no gradients").contains("target class");
  }
}
