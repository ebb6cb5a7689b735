package dev.xaicam.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RISE's blur: the kernel against SciPy's, and the zero-padded convolution by hand. */
class RiseBlurTest {

  /** Row 5 of scipy.ndimage.gaussian_filter(delta 11 x 11, 5) over its sum (SciPy 1.17.1). */
  private static final double[] SCIPY_KERNEL = {
    0.08795814577727815, 0.08889611977709484, 0.09047419654910865, 0.09219111781938806,
    0.09348938844291409, 0.09398206326843248, 0.09348938844291409, 0.09219111781938806,
    0.09047419654910865, 0.08889611977709484, 0.08795814577727815
  };

  @Test
  void kernelIsScipysReflectedGaussian() {
    double[] kernel = RiseBlur.kernel();

    assertThat(kernel).containsExactly(SCIPY_KERNEL, within(1e-16));
    assertThat(Arrays.stream(kernel).sum()).isCloseTo(1, within(1e-15));
  }

  @Test
  void blursEachPixelWithItsNeighboursInsideTheImage() {
    // H = 1: only the kernel's centre row k5 applies vertically; horizontally pixel x takes
    // k5 * itself + k4 * its neighbour
    double k5 = SCIPY_KERNEL[5];
    double k4 = SCIPY_KERNEL[4];
    InputImage image = new InputImage(1, 2, 2, new float[] {200, 20, 100, 10});

    InputImage blurred = RiseBlur.blur(image);

    assertThat(blurred.values())
        .containsExactly(
            new float[] {
              (float) (k5 * (k5 * 200 + k4 * 100)), (float) (k5 * (k5 * 20 + k4 * 10)),
              (float) (k5 * (k5 * 100 + k4 * 200)), (float) (k5 * (k5 * 10 + k4 * 20))
            },
            within(1e-4f));
  }

  @Test
  void aConstantImageStaysConstantInsideAndDarkensAtTheBorder() {
    float[] grey = new float[23 * 23];
    Arrays.fill(grey, 100);

    InputImage blurred = RiseBlur.blur(new InputImage(23, 23, 1, grey));

    // the centre sees the whole kernel (sum 1); the corner only taps 5..10 on each axis
    double half = Arrays.stream(SCIPY_KERNEL, 5, 11).sum();
    assertThat(blurred.values()[11 * 23 + 11]).isCloseTo(100, within(1e-4f));
    assertThat(blurred.values()[0]).isCloseTo((float) (100 * half * half), within(1e-4f));
  }
}
