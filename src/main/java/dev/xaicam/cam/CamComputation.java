package dev.xaicam.cam;

import java.util.Objects;

/**
 * The steps every CAM method shares, as tf-keras-vis applies them: the method's raw map, then
 * ReLU, corner-aligned bilinear upsampling to the requested size, and min-max normalisation.
 */
public final class CamComputation {

  /** Not instantiable: static functions only. */
  private CamComputation() {}

  /**
   * One method's heatmap for one image and one target class.
   *
   * @param method the CAM method
   * @param inputs what the method reads; must meet every one of {@link CamMethod#needs()}
   * @param outHeight heatmap rows, normally the network input height
   * @param outWidth heatmap columns, normally the network input width
   * @return values in [0, 1]; all zeros when the map is constant
   * @throws IllegalArgumentException naming the first need the inputs do not meet
   */
  public static Heatmap compute(CamMethod method, CamInputs inputs, int outHeight, int outWidth) {
    checkSize(outHeight, outWidth);
    return heatmapOf(rawMap(method, inputs), outHeight, outWidth);
  }

  /**
   * One method's raw map for one image and one target class, before the shared tail; {@code
   * --raw} writes it, and {@link #heatmapOf} turns it into the heatmap.
   *
   * @throws IllegalArgumentException naming the first need the inputs do not meet
   */
  public static RawMap rawMap(CamMethod method, CamInputs inputs) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(inputs, "inputs");
    for (MethodNeed need : method.needs()) {
      if (!need.isMetBy(inputs)) {
        throw new IllegalArgumentException(
            method.name() + " needs " + need.description() + ", which the caller did not supply");
      }
    }
    return method.rawMap(inputs);
  }

  /** Rejects a heatmap size that is not positive. */
  private static void checkSize(int outHeight, int outWidth) {
    if (outHeight <= 0 || outWidth <= 0) {
      throw new IllegalArgumentException(
          "heatmap size must be positive, got " + outHeight + "x" + outWidth);
    }
  }

  /** ReLU, upsampling to {@code outHeight x outWidth} and normalisation of a raw map; every method's shared tail. */
  public static Heatmap heatmapOf(RawMap map, int outHeight, int outWidth) {
    checkSize(outHeight, outWidth);
    double[] rectified = new double[map.values().length];
    for (int i = 0; i < rectified.length; i++) {
      rectified[i] = Math.max(map.values()[i], 0);
    }
    double[] upsampled =
        new CornerAlignedZoom(map.height(), map.width(), outHeight, outWidth).apply(rectified);
    float[] normalised =
        MinMaxNormalisation.normalise(upsampled, MinMaxNormalisation.epsilonFor(map.logScale()));
    return new Heatmap(outHeight, outWidth, normalised);
  }
}
