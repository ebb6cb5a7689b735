package dev.xaicam.output;

import dev.xaicam.TemporaryFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.cam.Heatmap;
import dev.xaicam.image.Colormap;
import dev.xaicam.image.DecodedImage;
import dev.xaicam.output.ImageReport.ClassScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gallery page as a file: written beside its place, moved in when finished, links relative to it. */
@Tag("native")
class GalleryFileTest {
  @TempDir Path dir;

  private static final ClassScore CAT = new ClassScore(281, "tabby", 0.75);

  private void addRow(GalleryFile gallery) {
    DecodedImage image = new DecodedImage(dir.resolve("in/cat.png"), 4, 2, new byte[24]);
    Heatmap heatmap = new Heatmap(2, 2, new float[] {0, 0.5f, 1, 0});
    gallery.add(image, CAT, CAT, List.of(new GalleryFile.Overlay("gradcam", heatmap, dir.resolve("out/cat.gradcam.png"))));
  }

  private List<String> filesIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void aFinishedPageLinksRelativeToItsFolderAndLeavesNoTemporaryFile() throws Exception {
    Path page = Files.createDirectories(dir.resolve("site")).resolve("index.html");
    GalleryFile gallery = GalleryFile.open(page, "title", "model demo", List.of("gradcam"), 0.5, Colormap.VIRIDIS);
    addRow(gallery);

    gallery.finish();
    gallery.close();

    String html = Files.readString(page);
    assertThat(html).contains("href=\"../in/cat.png\"").contains("href=\"../out/cat.gradcam.png\"")
        .contains("tabby").contains("0.750").endsWith("</html>\n");
    assertThat(filesIn(page.getParent())).containsExactly("index.html");
  }

  @Test
  void anUnfinishedPageIsNeverPutInPlace() throws Exception {
    Path page = dir.resolve("index.html");
    GalleryFile gallery = GalleryFile.open(page, "title", "", List.of("gradcam"), 0.5, Colormap.JET);
    addRow(gallery);

    gallery.close();

    assertThat(filesIn(dir)).isEmpty();
  }
}
