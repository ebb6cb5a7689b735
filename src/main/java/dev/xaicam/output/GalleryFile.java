package dev.xaicam.output;

import dev.xaicam.TemporaryFile;
import dev.xaicam.XaiCamException;
import dev.xaicam.cam.Heatmap;
import dev.xaicam.gallery.GalleryRow;
import dev.xaicam.gallery.HtmlGallery;
import dev.xaicam.image.Colormap;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.image.OverlayRenderer;
import dev.xaicam.output.ImageReport.ClassScore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --html} gallery page of a run: rows streamed into a {@link TemporaryFile} beside the
 * page as images finish, moved into place by {@link #finish()}, so a killed run leaves no half page.
 */
public final class GalleryFile implements AutoCloseable {
  /** Longest edge of the embedded thumbnails, in pixels. */
  static final int THUMBNAIL_EDGE = 160;
  /** Where the page goes. */
  private final Path target;
  /** The page's folder: links are relative to it. */
  private final Path folder;
  /** The page being written. */
  private final TemporaryFile temp;
  /** The page's writer. */
  private final HtmlGallery page;
  /** Heatmap opacity of the thumbnails. */
  private final double alpha;
  /** The thumbnails' colour map. */
  private final Colormap colormap;
  /** Draws the thumbnails. */
  private final OverlayRenderer renderer = new OverlayRenderer();
  /** Whether {@link #finish()} has put the page in place. */
  private boolean finished;

  /**
   * One method's overlay of the row's image.
   *
   * @param method the method's name
   * @param heatmap its normalised map
   * @param png the full-size overlay file
   */
  public record Overlay(String method, Heatmap heatmap, Path png) {}

  private GalleryFile(Path target, TemporaryFile temp, HtmlGallery page, double alpha, Colormap colormap) {
    this.target = target;
    this.folder = target.toAbsolutePath().normalize().getParent();
    this.temp = temp;
    this.page = page;
    this.alpha = alpha;
    this.colormap = colormap;
  }

  /**
   * Starts the page at {@code target} titled {@code title}, with {@code subtitle} under it and a
   * column per method; thumbnails at {@code alpha} in {@code colormap}.
   */
  public static GalleryFile open(Path target, String title, String subtitle, List<String> methods, double alpha,
      Colormap colormap) {
    TemporaryFile temp = null;
    try {
      temp = TemporaryFile.createIn(target.toAbsolutePath().getParent());
      return new GalleryFile(target, temp, new HtmlGallery(temp.path(), title, subtitle, methods), alpha, colormap);
    } catch (IOException e) {
      if (temp != null) {
        temp.close();
      }
      throw XaiCamException.setup("cannot write --html " + target + ": " + AtomicFile.describe(e), e);
    }
  }

  /** Appends the row of {@code image} explaining {@code explained}, the top class being {@code predicted}. */
  public void add(DecodedImage image, ClassScore predicted, ClassScore explained, List<Overlay> overlays) {
    List<GalleryRow.Overlay> cells = new ArrayList<>();
    for (Overlay overlay : overlays) {
      cells.add(new GalleryRow.Overlay(overlay.method(),
          renderer.thumbnailJpeg(image, overlay.heatmap(), alpha, colormap, THUMBNAIL_EDGE), link(overlay.png())));
    }
    try {
      page.add(new GalleryRow(image.source().toString(), link(image.source()),
          renderer.thumbnailJpeg(image, null, alpha, colormap, THUMBNAIL_EDGE), predicted.name(),
          predicted.probability(), explained.name(), explained.probability(), cells));
    } catch (UncheckedIOException e) {
      throw XaiCamException.setup("cannot write --html " + target + ": " + AtomicFile.describe(e.getCause()), e);
    }
  }

  /** Writes the page's end and puts it in place. */
  public void finish() {
    try {
      page.close();
      temp.moveTo(target);
      finished = true;
    } catch (IOException e) {
      throw XaiCamException.setup("cannot write --html " + target + ": " + AtomicFile.describe(e), e);
    }
  }

  /** Deletes the unfinished page, if {@link #finish()} did not run. */
  @Override
  public void close() {
    if (!finished) {
      try {
        page.close();
      } catch (IOException ignored) {
        // The page is being thrown away: the failure that got us here matters more.
      }
    }
    temp.close();
  }

  /** {@code file} relative to the page's folder, as the page links to it. */
  private String link(Path file) {
    return folder.relativize(file.toAbsolutePath().normalize()).toString();
  }
}
