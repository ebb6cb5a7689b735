package dev.xaicam.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.xaicam.XaiCamException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputCollectionTest {
  @TempDir Path dir;
  Path in;
  Path out;

  @BeforeEach
  void tree() throws IOException {
    in = dir.resolve("in");
    out = dir.resolve("out");
    for (String f : List.of("top.jpg", "a/b/dog.jpg", "a/b/deep/c.PNG", "c/dog.jpg", "c/dog.png",
        "c/notes.txt", ".hidden.png", ".git/x.png", "a/.secret.jpg")) {
      Path p = in.resolve(f);
      Files.createDirectories(p.getParent());
      Files.write(p, new byte[] {1});
    }
  }

  private Map<String, String> bases(InputCollection.Result result) {
    return result.images().stream().collect(Collectors.toMap(
        i -> in.relativize(i.source()).toString(), i -> out.relativize(i.outputBase()).toString()));
  }

  /** Relative paths listed elsewhere (a Spark input) get the bases the walk above gives them. */
  @Test
  void listedPathsGetTheBasesOfAFolderWalk() {
    List<Path> listed = Stream.of("a/b/deep/c.PNG", "a/b/dog.jpg", "c/dog.jpg", "c/dog.png", "top.jpg")
        .map(Path::of).toList();

    List<ImageInput> images = InputCollection.mirrored(Path.of("/"), listed);

    assertThat(images).extracting(i -> i.source().toString(), i -> i.outputBase().toString()).containsExactly(
        tuple("a/b/deep/c.PNG", "/a/b/deep/c"),
        tuple("a/b/dog.jpg", "/a/b/dog"),
        tuple("c/dog.jpg", "/c/dog.jpg"),
        tuple("c/dog.png", "/c/dog.png"),
        tuple("top.jpg", "/top"));
  }

  @Test
  void aRecursiveWalkMirrorsTheTreeAndCountsWhatItSkips() {
    InputCollection.Result result = new InputCollection(out, true, List.of(), List.of()).add(in).result();

    assertThat(bases(result)).containsOnly(
        Map.entry("top.jpg", "top"),
        Map.entry("a/b/dog.jpg", "a/b/dog"),
        Map.entry("a/b/deep/c.PNG", "a/b/deep/c"),
        Map.entry("c/dog.jpg", "c/dog.jpg"),
        Map.entry("c/dog.png", "c/dog.png"));
    assertThat(result.skippedNotImages()).isEqualTo(1);
    assertThat(result.skippedHidden()).isEqualTo(3); // .hidden.png, .git/, a/.secret.jpg
    assertThat(result.images()).allSatisfy(i -> assertThat(i.outputBase()).startsWithRaw(out.toAbsolutePath()));
    assertThat(result.images()).extracting(i -> in.relativize(i.source()).toString())
        .containsExactly("a/b/deep/c.PNG", "a/b/dog.jpg", "c/dog.jpg", "c/dog.png", "top.jpg");
  }

  @Test
  void withoutRecursionOnlyTheFolderItselfIsRead() {
    InputCollection.Result result = new InputCollection(out, false, List.of(), List.of()).add(in).result();
    assertThat(bases(result)).containsOnlyKeys("top.jpg");
  }

  @Test
  void includeAndExcludeGlobsFilterWalkedFilesAndCountWhatTheyLeftOut() {
    InputCollection.Result jpgs = new InputCollection(out, true, List.of("*.jpg"), List.of("c/**")).add(in).result();
    assertThat(bases(jpgs)).containsOnlyKeys("top.jpg", "a/b/dog.jpg");
    // a/b/deep/c.PNG fails the include, c/dog.jpg and c/dog.png the exclude; notes.txt is no image.
    assertThat(jpgs.filteredOut()).isEqualTo(3);
    assertThat(jpgs.skippedNotImages()).isEqualTo(1);
  }

  @Test
  void subFoldersHoldingImagesAreNotedOnlyWhenAWalkWithoutRecursionFoundNone() throws IOException {
    Path nested = Files.createDirectories(dir.resolve("nested/sub/deeper"));
    Files.write(nested.resolve("x.png"), new byte[] {1});
    Path textOnly = Files.createDirectories(dir.resolve("text/sub"));
    Files.write(textOnly.resolve("notes.txt"), new byte[] {1});

    assertThat(new InputCollection(out, false, List.of(), List.of()).add(dir.resolve("nested")).result()
        .imagesInSubFolders()).isTrue();
    assertThat(new InputCollection(out, false, List.of(), List.of()).add(dir.resolve("text")).result()
        .imagesInSubFolders()).isFalse();
    assertThat(new InputCollection(out, false, List.of(), List.of()).add(in).result().imagesInSubFolders())
        .as("top.jpg was found").isFalse();
  }

  @Test
  void aListedLineThatCannotBeAPathIsAUsageErrorNamingTheLine() {
    String list = in.resolve("top.jpg") + "\nbad\0name.png\n";
    InputCollection collection = new InputCollection(out, false, List.of(), List.of());

    assertThatThrownBy(() -> collection.addLines(new BufferedReader(new StringReader(list)), "standard input"))
        .isInstanceOf(XaiCamException.class).hasMessageStartingWith("standard input line 2 is not a file path");
  }

  @Test
  void aSymlinkLoopIsReportedNotFollowedForever() throws IOException {
    Files.createSymbolicLink(in.resolve("a/b/loop"), in.resolve("a"));
    InputCollection.Result result = new InputCollection(out, true, List.of(), List.of()).add(in).result();
    assertThat(result.images()).hasSize(5);
    assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("loop"));
  }

  @Test
  void filesNamedDirectlyGoStraightUnderOutputAndNeverCollide() throws IOException {
    Path x = in.resolve("a/b/dog.jpg");
    Path y = in.resolve("c/dog.jpg");
    Path z = in.resolve("c/dog.png");
    Path missing = in.resolve("gone.jpg");
    InputCollection.Result result = new InputCollection(out, false, List.of(), List.of())
        .add(x).add(y).add(z).add(missing).result();

    List<String> names = result.images().stream().map(i -> out.relativize(i.outputBase()).toString()).toList();
    assertThat(names).containsExactly("dog.jpg", "dog.jpg-2", "dog.png", "gone");
  }

  @Test
  void pathListsAreReadLineByLineSkippingBlanks() {
    String list = in.resolve("top.jpg") + "\n\n  " + in.resolve("c/dog.png") + "  \n";
    InputCollection.Result result = new InputCollection(out, false, List.of(), List.of())
        .addLines(new BufferedReader(new StringReader(list)), "stdin").result();
    assertThat(result.images()).extracting(ImageInput::source)
        .containsExactly(in.resolve("top.jpg"), in.resolve("c/dog.png"));
  }

  @Test
  void aBadGlobIsAUsageError() {
    assertThatThrownBy(() -> new InputCollection(out, true, List.of("[abc"), List.of()))
        .isInstanceOf(XaiCamException.class)
        .hasMessageContaining("[abc");
  }

  @Test
  void anOutputFolderThatIsAFileIsAUsageError() {
    Path file = in.resolve("top.jpg");
    assertThatThrownBy(() -> new InputCollection(file, false, List.of(), List.of()))
        .isInstanceOfSatisfying(XaiCamException.class,
            e -> assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_USAGE))
        .hasMessage("--output " + file + " is a file; give a folder (it is created if missing)");
  }

  @Test
  void theOutputFolderBelowAWalkedFolderIsNeverCollected() throws IOException {
    Path inner = in.resolve("a/results");
    Files.createDirectories(inner.resolve("x"));
    Files.write(inner.resolve("x/top.gradcam.png"), new byte[] {1});

    InputCollection.Result result = new InputCollection(inner, true, List.of(), List.of()).add(in).result();

    assertThat(result.images()).extracting(i -> in.relativize(i.source()).toString())
        .containsExactly("a/b/deep/c.PNG", "a/b/dog.jpg", "c/dog.jpg", "c/dog.png", "top.jpg");
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void aFolderWhoseListingFailsIsAnErrorAndTheRestOfTheWalkIsKept() throws IOException {
    Path unlistable = Path.of("/proc/1/map_files");
    boolean fails;
    try (java.util.stream.Stream<Path> entries = Files.list(unlistable)) {
      entries.count();
      fails = false;
    } catch (IOException | java.io.UncheckedIOException e) {
      fails = true;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(fails, "needs a folder whose listing fails");
    Files.createSymbolicLink(in.resolve("a/m"), unlistable);

    InputCollection.Result result = new InputCollection(out, true, List.of(), List.of()).add(in).result();

    assertThat(result.images()).hasSize(5);
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo(in.resolve("a/m"));
      assertThat(e.message()).startsWith(in.resolve("a/m") + ": cannot list the folder");
    });
  }
}
