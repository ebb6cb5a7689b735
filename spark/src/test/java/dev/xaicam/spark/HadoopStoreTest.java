package dev.xaicam.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HadoopStore} on Hadoop's local file system. */
class HadoopStoreTest {
  @TempDir Path dir;

  private HadoopStore store() {
    return new HadoopStore("file:" + dir.toAbsolutePath(), new Configuration(), null);
  }

  /** Every file below the folder, by name. */
  private Stream<String> names() throws IOException {
    return Files.walk(dir).filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted();
  }

  @Test
  void writesWholeFilesBelowTheRootWithNoTemporaryOrChecksumFileLeft() throws IOException {
    HadoopStore store = store();

    store.write(Path.of("/a/b/dog.gradcam.png"), new byte[] {1, 2, 3});
    store.write(Path.of("/a/b/dog.gradcam.png"), new byte[] {4, 5});
    store.write(Path.of("/time 12:00.gradcam.npy"), new byte[] {6});

    assertThat(Files.readAllBytes(dir.resolve("a/b/dog.gradcam.png"))).containsExactly(4, 5);
    assertThat(Files.readAllBytes(dir.resolve("time 12:00.gradcam.npy"))).containsExactly(6);
    try (Stream<String> names = names()) {
      assertThat(names).containsExactly("a/b/dog.gradcam.png", "time 12:00.gradcam.npy");
    }
  }

  @Test
  void answersWhatTheSkipCheckAsks() throws IOException {
    HadoopStore store = store();
    store.write(Path.of("/a/dog.gradcam.3.png"), new byte[] {1});
    Files.createDirectories(dir.resolve("a/sub"));

    assertThat(store.isFile(Path.of("/a/dog.gradcam.3.png"))).isTrue();
    assertThat(store.isFile(Path.of("/a/sub"))).isFalse();
    assertThat(store.isFile(Path.of("/a/cat.gradcam.png"))).isFalse();
    assertThat(store.fileNames(Path.of("/a"))).containsExactly("dog.gradcam.3.png");
    assertThat(store.fileNames(Path.of("/nowhere"))).isEmpty();
  }

  @Test
  void removesLeftoverTemporariesAndNothingElse() throws IOException {
    Files.createDirectories(dir.resolve("a"));
    Files.write(dir.resolve("a/.xai-cam-tmp-123-x.part"), new byte[] {1});
    Files.write(dir.resolve(".xai-cam-tmp-456-y.part"), new byte[] {1});
    Files.write(dir.resolve("a/dog.gradcam.png"), new byte[] {1});

    assertThat(store().removeTemporaries()).isEqualTo(2);

    try (Stream<String> names = names()) {
      assertThat(names).containsExactly("a/dog.gradcam.png");
    }
    assertThat(new HadoopStore("file:" + dir.resolve("missing"), new Configuration(), null).removeTemporaries())
        .isZero();
  }

  @Test
  void aFailedWriteIsASetupErrorAndLeavesNothing() throws IOException {
    Files.write(dir.resolve("a"), new byte[] {1}); // a file where a folder must go

    assertThatThrownBy(() -> store().write(Path.of("/a/dog.gradcam.png"), new byte[] {1}))
        .isInstanceOfSatisfying(XaiCamException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
        .hasMessageStartingWith("cannot write file:" + dir.toAbsolutePath() + "/a/dog.gradcam.png: ");
    try (Stream<String> names = names()) {
      assertThat(names).containsExactly("a");
    }
  }

  @Test
  void childJoinsWithOneSlash() {
    assertThat(HadoopStore.child("out", "_results")).isEqualTo("out/_results");
    assertThat(HadoopStore.child("hdfs:///out/", "_results")).isEqualTo("hdfs:///out/_results");
  }
}
