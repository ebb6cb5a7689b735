package dev.xaicam.api;

/**
 * One heatmap: where {@code method} found evidence for {@code target}.
 *
 * @param method the CAM method's name as in file names ({@code gradcam}, {@code scorecam}, ...)
 * @param target the class explained
 * @param values rows of the normalised map in [0, 1] at the network's input size (what the command
 *     line's {@code --npy} file holds); callers must not modify it
 */
public record CamMap(String method, ClassProbability target, float[][] values) {

  /** Rows of the map. */
  public int height() {
    return values.length;
  }

  /** Columns of the map. */
  public int width() {
    return values[0].length;
  }
}
