package dev.xaicam.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xaicam.cam.MaskScorer;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Masks multiply the input before the forward pass; results do not depend on batching. */
@Tag("native")
class NetworkMaskScorerTest {
  /** The tiny VGG16 of {@link NetworkTest}. */
  private static final Architecture TINY = NetworkTest.TINY;

  @Test
  void scoresEqualProbabilitiesOfTheMaskedImages() {
    try (Network net = Network.create(TINY, Vgg16.randomWeights(TINY, 31))) {
      float[] image = NetworkTest.images(32, 1);
      int pixels = 32 * 32;
      float[] ones = new float[pixels];
      Arrays.fill(ones, 1f);
      float[] half = new float[pixels];
      for (int i = 0; i < pixels; i++) {
        half[i] = i < pixels / 2 ? 1f : 0.25f;
      }
      float[] halfImage = image.clone();
      for (int i = 0; i < pixels; i++) {
        for (int c = 0; c < 3; c++) {
          halfImage[i * 3 + c] *= half[i];
        }
      }
      MaskScorer scorer = net.maskScorer(image, 6, 2);
      assertThat(scorer.inputHeight()).isEqualTo(32);
      assertThat(scorer.batchSize()).isEqualTo(2);
      double[] scores = scorer.score(new float[][] {ones, half, new float[pixels]});
      assertThat(scores[0]).isCloseTo(net.probabilities(image, 1)[0][6], within(1e-6));
      assertThat(scores[1]).isCloseTo(net.probabilities(halfImage, 1)[0][6], within(1e-6));
      assertThat(scores[2]).isCloseTo(net.probabilities(new float[image.length], 1)[0][6],
          within(1e-6));
      assertThat(scores[0]).isNotEqualTo(scores[1]);
      double[] oneByOne = net.maskScorer(image, 6, 1).score(new float[][] {half});
      assertThat(oneByOne[0]).isCloseTo(scores[1], within(1e-6));
    }
  }
}
