package dev.xaicam.output;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a run's files for one image go, and whether they are all there already
 * ({@code --skip-existing}): the one place that knows the output names.
 *
 * <p>An image's output base {@code out/a/dog} gives {@code out/a/dog.gradcam.png} (and
 * {@code .npy}, and {@code .raw.npy}); with several targets per image the class index joins the
 * name: {@code out/a/dog.gradcam.281.png}.
 */
public final class OutputLayout {
  /** The CAM method names, as they appear in file names. */
  private final List<String> methods;
  /** The explicit target classes; empty when the top predictions are explained. */
  private final List<Integer> explicitClasses;
  /** Targets each image gets: the explicit classes, or the top K. */
  private final int targetsPerImage;
  /** Whether a {@code .npy} accompanies each overlay. */
  private final boolean npy;
  /** Whether a {@code .raw.npy} accompanies each overlay. */
  private final boolean raw;

  /**
   * The layout of one run.
   *
   * @param methods CAM method names
   * @param explicitClasses the explicit target classes, or empty for the top predictions
   * @param targetsPerImage targets each image gets (the explicit classes' count, or K of top-K)
   * @param npy whether {@code .npy} files are written too
   * @param raw whether {@code .raw.npy} files (the maps before normalisation) are written too
   */
  public OutputLayout(List<String> methods, List<Integer> explicitClasses, int targetsPerImage, boolean npy,
      boolean raw) {
    if (targetsPerImage < 1) {
      throw new IllegalArgumentException("targets per image must be >= 1, got " + targetsPerImage);
    }
    this.methods = List.copyOf(methods);
    this.explicitClasses = List.copyOf(explicitClasses);
    this.targetsPerImage = targetsPerImage;
    this.npy = npy;
    this.raw = raw;
  }

  /** The overlay picture of {@code method} explaining class {@code target}. */
  public Path png(Path base, String method, int target) {
    return file(base, method, target, "png");
  }

  /** The raw heatmap of {@code method} explaining {@code target}, or {@code null} without {@code --npy}. */
  public Path npy(Path base, String method, int target) {
    return npy ? file(base, method, target, "npy") : null;
  }

  /** The map before normalisation of {@code method} explaining {@code target}, or {@code null} without {@code --raw}. */
  public Path raw(Path base, String method, int target) {
    return raw ? file(base, method, target, "raw.npy") : null;
  }

  /**
   * Whether every file this run would write for the image at {@code base} exists in {@code store}. With top-K the
   * classes are not known before the forward pass, so K class-tagged overlays per method count.
   */
  public boolean complete(Path base) {
    return complete(base, OutputStore.local());
  }

  /**
   * Whether every file this run would write for the image at {@code base} exists in {@code store}.
   * With top-K the classes are not known before the forward pass, so K class-tagged overlays per
   * method count.
   */
  public boolean complete(Path base, OutputStore store) {
    for (String method : methods) {
      if (tagged() && explicitClasses.isEmpty()) {
        if (countTagged(base, method, store) < targetsPerImage) {
          return false;
        }
      } else {
        for (int target : tagged() ? explicitClasses : List.of(-1)) {
          if (!store.isFile(png(base, method, target))
              || !companionsExist(store, npy(base, method, target), raw(base, method, target))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Whether file names carry the class: more than one target per image. */
  private boolean tagged() {
    return targetsPerImage > 1;
  }

  /** {@code base.method[.class].extension}; the class only when images have several targets. */
  private Path file(Path base, String method, int target, String extension) {
    String name = base.getFileName() + "." + method + (tagged() ? "." + target : "") + "." + extension;
    return base.resolveSibling(name);
  }

  /** Whether each of {@code files} that is not {@code null} exists in {@code store}. */
  private static boolean companionsExist(OutputStore store, Path... files) {
    for (Path file : files) {
      if (file != null && !store.isFile(file)) {
        return false;
      }
    }
    return true;
  }

  /** How many class-tagged overlays of {@code method} (each with its {@code .npy} and {@code .raw.npy} if wanted) exist. */
  private long countTagged(Path base, String method, OutputStore store) {
    Path dir = base.toAbsolutePath().getParent();
    String prefix = base.getFileName() + "." + method + ".";
    return store.fileNames(dir).stream()
        .filter(name -> name.startsWith(prefix) && name.endsWith(".png")
            && name.substring(prefix.length()).matches("\\d+\\.png"))
        .map(name -> name.substring(0, name.length() - ".png".length()))
        .filter(stem -> companionsExist(store, npy ? dir.resolve(stem + ".npy") : null,
            raw ? dir.resolve(stem + ".raw.npy") : null))
        .count();
  }
}
