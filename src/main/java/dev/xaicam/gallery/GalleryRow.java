package dev.xaicam.gallery;

import java.util.List;
import java.util.Objects;

/**
 * One image's line in the gallery.
 *
 * @param imageName the input as the user named it
 * @param imageLink link to the original, relative to the gallery page
 * @param thumbnail a small picture of the original (PNG or JPEG bytes, embedded in the page)
 * @param predictedClass the top-1 class name
 * @param predictedProbability its probability in [0, 1]
 * @param targetClass the class explained
 * @param targetProbability its probability in [0, 1]
 * @param overlays one per method, in method order
 */
public record GalleryRow(String imageName, String imageLink, byte[] thumbnail,
    String predictedClass, double predictedProbability, String targetClass,
    double targetProbability, List<Overlay> overlays) {

  /** Checks presence and freezes the list. */
  public GalleryRow {
    Objects.requireNonNull(imageName, "imageName");
    Objects.requireNonNull(thumbnail, "thumbnail");
    overlays = List.copyOf(overlays);
  }

  /**
   * One method's overlay.
   *
   * @param method the method's name ({@code gradcam++})
   * @param thumbnail a small picture of the overlay (embedded)
   * @param link link to the full-size overlay file, relative to the page
   */
  public record Overlay(String method, byte[] thumbnail, String link) {
    /** Checks presence. */
    public Overlay {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(thumbnail, "thumbnail");
      Objects.requireNonNull(link, "link");
    }
  }
}
