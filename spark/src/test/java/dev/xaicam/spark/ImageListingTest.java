package dev.xaicam.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** {@link ImageListing}'s file filter, as Spark's {@code pathGlobFilter} applies it (Hadoop's glob). */
class ImageListingTest {
  @Test
  void theGlobTakesImageExtensionsInAnyCaseAndNothingElse() throws IOException {
    GlobFilter filter = new GlobFilter(ImageListing.imageGlob());

    for (String name : new String[] {"a.png", "b.JPG", "c.Jpeg", "d.tiff", "e.webp", "f.pgm", "my dog.jpe"}) {
      assertThat(filter.accept(new Path("/in/" + name))).as(name).isTrue();
    }
    for (String name : new String[] {"boxes.csv", "notes.txt", "png", "a.png.bak", "a.gif"}) {
      assertThat(filter.accept(new Path("/in/" + name))).as(name).isFalse();
    }
  }
}
