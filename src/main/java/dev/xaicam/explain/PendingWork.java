package dev.xaicam.explain;

import dev.xaicam.XaiCamException;
import dev.xaicam.image.ImageDecoder;
import dev.xaicam.output.ImageReport;
import dev.xaicam.output.OutputLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a run has anything for the network to do, decided before any weight is looked for:
 * images whose outputs all exist ({@code --skip-existing}) and files that cannot be images
 * (missing, unreadable, not an image: {@link ImageDecoder#inspect}, the first megabyte, no natives)
 * need no network. The scan stops at the first image that does, so a long run pays for it once.
 */
public final class PendingWork {
  /** Whether some image needs the network. */
  private final boolean needsNetwork;
  /** When no image does: each image's report, in input order. */
  private final List<ImageReport> reports;

  /** See {@link #of}. */
  private PendingWork(boolean needsNetwork, List<ImageReport> reports) {
    this.needsNetwork = needsNetwork;
    this.reports = List.copyOf(reports);
  }

  /**
   * Scans {@code images} in order until one needs explaining.
   *
   * @param layout where the run writes, for {@code --skip-existing}
   * @param skipExisting whether images whose outputs all exist are skipped
   * @param maxPixels the run's pixel limit ({@code --max-pixels})
   */
  public static PendingWork of(List<ImageInput> images, OutputLayout layout, boolean skipExisting,
      long maxPixels) {
    ImageDecoder decoder = new ImageDecoder(maxPixels);
    List<ImageReport> reports = new ArrayList<>();
    for (ImageInput input : images) {
      if (skipExisting && layout.complete(input.outputBase())) {
        reports.add(ImageReport.skipped(input.source()));
        continue;
      }
      try {
        decoder.inspect(input.source());
        return new PendingWork(true, List.of());
      } catch (XaiCamException e) {
        reports.add(ImageReport.failed(input.source(), e.getMessage(), 0));
      }
    }
    return new PendingWork(false, reports);
  }

  /** Whether some image needs the network (then the run loads it and reports every image itself). */
  public boolean needsNetwork() {
    return needsNetwork;
  }

  /** When no image needs the network: each image's report (skipped or failed), in input order. */
  public List<ImageReport> reports() {
    return reports;
  }

  /** When no image needs the network: how many were skipped because their outputs exist. */
  public int skipped() {
    return (int) reports.stream().filter(r -> r.status() == ImageReport.Status.SKIPPED).count();
  }
}
