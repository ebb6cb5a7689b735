package dev.xaicam.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HtmlGallery}: rows, escaping, embedded pictures, links, and a page with no network. */
class HtmlGalleryTest {
  @TempDir Path dir;

  /** A 1-byte "PNG" and "JPEG": the page only embeds the bytes. */
  private static final byte[] PNG = {(byte) 0x89, 'P'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8};

  @Test
  void writesOneRowPerImageWithEmbeddedPicturesAndEscapedText() throws Exception {
    Path page = dir.resolve("gallery.html");
    try (HtmlGallery gallery = new HtmlGallery(page, "xai-cam <run>", "VGG16, block5_conv3",
        List.of("gradcam", "scorecam"))) {
      gallery.add(new GalleryRow("cat & dog.jpg", "cat & dog.jpg", JPEG, "tabby", 0.83, "tabby",
          0.83, List.of(new GalleryRow.Overlay("gradcam", PNG, "out/cat & dog.gradcam.png"),
              new GalleryRow.Overlay("scorecam", PNG, "out/cat & dog.scorecam.png"))));
      gallery.add(new GalleryRow("x.png", "x.png", PNG, "crane", 0.5, "\"quoted\"", 0.25,
          List.of()));
    }
    String html = Files.readString(page);

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html).contains("<title>xai-cam &lt;run&gt;</title>")
        .contains("<th>gradcam</th><th>scorecam</th>");
    assertThat(html.split("<tr data-cls=", -1)).hasSize(3);
    assertThat(html).contains("<tr data-cls=\"tabby\" data-p=\"0.830000\">")
        .contains("data:image/jpeg;base64,/9g=").contains("data:image/png;base64,iVA=")
        .contains("href=\"out/cat%20&amp;%20dog.gradcam.png\"")
        .contains("data-cls=\"&quot;quoted&quot;\" data-p=\"0.250000\"")
        .contains("cat &amp; dog.jpg");
    // Self-contained: nothing is fetched from anywhere.
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link");
  }

  @Test
  void escapesMarkupAndControlCharacters() {
    assertThat(HtmlGallery.escape("<a href='x'>&\u0007")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;?");
    assertThat(HtmlGallery.uriPath("a b/é#1.png")).isEqualTo("a%20b/%C3%A9%231.png");
  }
}
