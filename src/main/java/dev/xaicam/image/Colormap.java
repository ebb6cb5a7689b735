package dev.xaicam.image;

import java.util.Locale;
import org.opencv.imgproc.Imgproc;

/**
 * The colour maps heatmaps are painted in, as OpenCV implements them: JET (the notebooks' and the
 * default), TURBO (JET's perceptually smoother successor) and the perceptually uniform VIRIDIS,
 * INFERNO and MAGMA, which also survive grey-scale printing and colour-vision deficiency.
 */
public enum Colormap {
  /** Blue cold, red hot; tf-keras-vis's and pytorch-grad-cam's default. */
  JET(Imgproc.COLORMAP_JET),
  /** Google's improved rainbow map. */
  TURBO(Imgproc.COLORMAP_TURBO),
  /** Matplotlib's default: dark blue to yellow. */
  VIRIDIS(Imgproc.COLORMAP_VIRIDIS),
  /** Black through red to pale yellow. */
  INFERNO(Imgproc.COLORMAP_INFERNO),
  /** Black through purple to pale yellow. */
  MAGMA(Imgproc.COLORMAP_MAGMA);

  /** OpenCV's constant for {@code applyColorMap}. */
  private final int openCvCode;

  Colormap(int openCvCode) {
    this.openCvCode = openCvCode;
  }

  /** OpenCV's constant. */
  int openCvCode() {
    return openCvCode;
  }

  /** The name as typed on the command line ({@code jet}). */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
