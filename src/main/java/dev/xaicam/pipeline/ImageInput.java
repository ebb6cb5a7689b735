package dev.xaicam.pipeline;

import java.nio.file.Path;

/**
 * One image to explain and where its outputs go.
 *
 * @param source the image file
 * @param outputBase output path without suffix: {@code out/a/dog} gives {@code out/a/dog.gradcam.png}
 */
public record ImageInput(Path source, Path outputBase) {

  /** The output file for {@code method}, with the class index when an image has several targets. */
  Path output(String method, Integer classIndex, String extension) {
    String name = outputBase.getFileName() + "." + method
        + (classIndex == null ? "" : "." + classIndex) + "." + extension;
    return outputBase.resolveSibling(name);
  }
}
