package dev.xaicam.output;

import java.nio.file.Path;
import java.util.List;

/**
 * What happened to one input image: its predictions and the files written, or why it failed.
 *
 * @param input the image file as given
 * @param status ok, skipped or error
 * @param error the one-line reason when {@code status} is {@link Status#ERROR}, else {@code null}
 * @param layer the explained layer's name
 * @param top5 the five most probable classes, most probable first
 * @param heatmaps one entry per (method, target class)
 * @param millis wall-clock milliseconds spent on this image (its share of batched work included)
 */
public record ImageReport(
    Path input,
    Status status,
    String error,
    String layer,
    List<ClassScore> top5,
    List<HeatmapOutput> heatmaps,
    long millis) {

  /** Outcome of one image. */
  public enum Status {
    /** Every requested heatmap was written. */
    OK,
    /** Not processed because its outputs already existed ({@code --skip-existing}). */
    SKIPPED,
    /** The image could not be used; {@code error} says why. */
    ERROR;

    /** The lower-case word used in reports. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Copies the lists. */
  public ImageReport {
    top5 = List.copyOf(top5);
    heatmaps = List.copyOf(heatmaps);
  }

  /** A failed image. */
  public static ImageReport failed(Path input, String error, long millis) {
    return new ImageReport(input, Status.ERROR, error, null, List.of(), List.of(), millis);
  }

  /** An image skipped because its outputs exist. */
  public static ImageReport skipped(Path input) {
    return new ImageReport(input, Status.SKIPPED, null, null, List.of(), List.of(), 0);
  }

  /**
   * A class with its predicted probability.
   *
   * @param index class index
   * @param name class name
   * @param probability softmax probability
   */
  public record ClassScore(int index, String name, double probability) {}

  /**
   * One heatmap written for the image.
   *
   * @param method CAM method name
   * @param target the class explained, with its probability
   * @param png the overlay written
   * @param npy the raw normalised map written, or {@code null} without {@code --npy}
   * @param raw the map before normalisation written, or {@code null} without {@code --raw}
   */
  public record HeatmapOutput(String method, ClassScore target, Path png, Path npy, Path raw) {}
}
