package dev.xaicam.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLayoutTest {
  @TempDir Path dir;

  @Test
  void oneTargetPerImageLeavesTheClassOutOfTheName() {
    OutputLayout layout = new OutputLayout(List.of("gradcam"), List.of(), 1, true, false);
    Path base = dir.resolve("a/dog");
    assertThat(layout.png(base, "gradcam", 281)).isEqualTo(dir.resolve("a/dog.gradcam.png"));
    assertThat(layout.npy(base, "gradcam", 281)).isEqualTo(dir.resolve("a/dog.gradcam.npy"));
  }

  @Test
  void severalTargetsPutTheClassIntoTheNameAndNoNpyWithoutAsking() {
    OutputLayout layout = new OutputLayout(List.of("gradcam"), List.of(3, 5), 2, false, false);
    Path base = dir.resolve("dog");
    assertThat(layout.png(base, "gradcam", 5)).isEqualTo(dir.resolve("dog.gradcam.5.png"));
    assertThat(layout.npy(base, "gradcam", 5)).isNull();
  }

  @Test
  void completeNeedsEveryMethodsOverlayAndNpy() throws IOException {
    OutputLayout layout = new OutputLayout(List.of("gradcam", "layercam"), List.of(), 1, true, false);
    Path base = dir.resolve("dog");
    touch("dog.gradcam.png", "dog.gradcam.npy", "dog.layercam.png");
    assertThat(layout.complete(base)).isFalse();
    touch("dog.layercam.npy");
    assertThat(layout.complete(base)).isTrue();
    assertThat(layout.complete(dir.resolve("cat"))).isFalse();
  }

  @Test
  void completeWithExplicitClassesNeedsEachClassesFiles() throws IOException {
    OutputLayout layout = new OutputLayout(List.of("gradcam"), List.of(3, 5), 2, false, false);
    touch("dog.gradcam.3.png");
    assertThat(layout.complete(dir.resolve("dog"))).isFalse();
    touch("dog.gradcam.5.png");
    assertThat(layout.complete(dir.resolve("dog"))).isTrue();
  }

  @Test
  void completeWithTopKCountsClassTaggedOverlays() throws IOException {
    OutputLayout layout = new OutputLayout(List.of("gradcam"), List.of(), 3, true, false);
    Path base = dir.resolve("dog");
    // An untagged overlay, another method's, another image's and a non-numeric tag do not count.
    touch("dog.gradcam.png", "dog.gradcam.7.png", "dog.gradcam.7.npy", "dog.layercam.1.png", "dogs.gradcam.2.png",
        "dog.gradcam.x.png", "dog.gradcam.9.png", "dog.gradcam.9.npy");
    assertThat(layout.complete(base)).isFalse();
    touch("dog.gradcam.4.png");
    assertThat(layout.complete(base)).as("the third overlay lacks its .npy").isFalse();
    touch("dog.gradcam.4.npy");
    assertThat(layout.complete(base)).isTrue();
  }

  @Test
  void rawMapsAreNamedBesideTheOverlayAndCountForCompleteness() throws IOException {
    OutputLayout layout = new OutputLayout(List.of("gradcam"), List.of(), 1, false, true);
    Path base = dir.resolve("dog");
    assertThat(layout.raw(base, "gradcam", 7)).isEqualTo(dir.resolve("dog.gradcam.raw.npy"));
    assertThat(new OutputLayout(List.of("gradcam"), List.of(), 1, false, false).raw(base, "gradcam", 7)).isNull();

    touch("dog.gradcam.png");
    assertThat(layout.complete(base)).as("the .raw.npy is missing").isFalse();
    touch("dog.gradcam.raw.npy");
    assertThat(layout.complete(base)).isTrue();
  }

  @Test
  void withTopKEveryCountedOverlayNeedsItsRawMap() throws IOException {
    OutputLayout layout = new OutputLayout(List.of("gradcam"), List.of(), 2, false, true);
    Path base = dir.resolve("dog");
    touch("dog.gradcam.3.png", "dog.gradcam.4.png", "dog.gradcam.3.raw.npy");
    assertThat(layout.complete(base)).isFalse();
    touch("dog.gradcam.4.raw.npy");
    assertThat(layout.complete(base)).isTrue();
  }

  private void touch(String... names) throws IOException {
    for (String name : names) {
      Files.write(dir.resolve(name), new byte[] {1});
    }
  }
}
