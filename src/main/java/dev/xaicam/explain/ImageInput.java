package dev.xaicam.explain;

import java.nio.file.Path;

/**
 * One image to explain and where its outputs go.
 *
 * @param source the image file
 * @param outputBase output path without suffix: {@code out/a/dog} gives {@code out/a/dog.gradcam.png}
 */
public record ImageInput(Path source, Path outputBase) {}
