package dev.xaicam.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Image shape checks. */
class InputImageTest {

  @Test
  void countsPixelsAndChecksItsShape() {
    InputImage image = new InputImage(2, 3, 3, new float[18]);

    assertThat(image.pixels()).isEqualTo(6);
    image.requireShapeOf(new FakeClassifier(2, 3, 3, 1));
    assertThatThrownBy(() -> image.requireShapeOf(new FakeClassifier(3, 2, 3, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image is 2x3x3 but the classifier takes 3x2x3");
  }

  @Test
  void rejectsBadShapes() {
    assertThatThrownBy(() -> new InputImage(2, 2, 3, new float[11]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image length 11 != H*W*C = 12");
    assertThatThrownBy(() -> new InputImage(2, 0, 3, new float[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image shape must be positive, got 2x0x3");
  }
}
