package dev.xaicam.metrics;

import dev.xaicam.cam.Heatmap;

/**
 * Average Drop and Increase in Confidence for one image: Chattopadhyay et al., "Grad-CAM++",
 * WACV 2018, Sec. 6.1 (as the Score-CAM paper, Wang et al. 2020, Sec. 5.2, uses them).
 *
 * <p>Y is the target's probability on the image, O on the image multiplied pixel by pixel by the
 * normalised map (every channel of a pixel by the map's value there); drop = max(0, Y - O) / Y
 * (0 when Y is 0) and increase = [O > Y]. Averaged over images they are the papers' Average Drop
 * and Increase in Confidence (the papers print them as percentages).
 *
 * @param y probability on the image
 * @param o probability on the image times the map
 * @param drop max(0, Y - O) / Y
 * @param increase whether O > Y
 */
public record ConfidenceChange(double y, double o, double drop, boolean increase) {

  /**
   * Scores the image and the image times the map (one batch of two when the classifier allows).
   *
   * @param map values in [0, 1] at the image's size, e.g. a CAM's heatmap
   */
  public static ConfidenceChange measure(Classifier classifier, InputImage image, Heatmap map) {
    image.requireShapeOf(classifier);
    PixelOrder.requireSameSize(map, image);
    int channels = image.channels();
    float[] masked = image.values().clone();
    for (int i = 0; i < masked.length; i++) {
      masked[i] *= map.values()[i / channels];
    }
    BatchedScores scores = new BatchedScores(classifier);
    scores.add(image.values());
    scores.add(masked);
    double[] yo = scores.finish();
    double y = yo[0];
    double o = yo[1];
    return new ConfidenceChange(y, o, y == 0 ? 0 : Math.max(0, y - o) / y, o > y);
  }
}
