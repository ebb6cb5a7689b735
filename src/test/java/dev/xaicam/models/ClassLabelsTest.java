package dev.xaicam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loading, naming and lookup of {@link ClassLabels}. */
class ClassLabelsTest {

  /** The ImageNet labels: from the classpath when packaged there, else from the repository's models/ folder. */
  private static ClassLabels imagenet;

  /** Loads the labels once. */
  @BeforeAll
  static void loadImageNet() throws IOException {
    try (InputStream json = open(ClassLabels.IMAGENET_JSON); InputStream tsv = open(ClassLabels.IMAGENET_TSV)) {
      imagenet = ClassLabels.load(json, tsv);
    }
  }

  /** A resource from the classpath, or the same file under the working directory (the repo root). */
  private static InputStream open(String resource) throws IOException {
    InputStream in = ClassLabels.class.getResourceAsStream(resource);
    return in != null ? in : Files.newInputStream(Path.of(resource.substring(1)));
  }

  /** The 1000 classes in Keras's order, with readable names telling the duplicates apart. */
  @Test
  void imagenetHasKerasNamesAndReadableNames() {
    assertThat(imagenet.size()).isEqualTo(1000);
    assertThat(imagenet.name(0)).isEqualTo("tench");
    assertThat(imagenet.name(207)).isEqualTo("golden_retriever");
    assertThat(imagenet.readableName(207)).isEqualTo("golden retriever");
    assertThat(imagenet.name(134)).isEqualTo("crane");
    assertThat(imagenet.readableName(134)).isEqualTo("crane bird");
    assertThat(imagenet.readableName(639)).isEqualTo("maillot tank suit");
    assertThat(imagenet.name(999)).isEqualTo("toilet_tissue");
  }

  /** imagenet() serves the packaged resources, or says the jar is broken when they are absent. */
  @Test
  void imagenetFromClasspathOrClearError() {
    if (ClassLabels.class.getResource(ClassLabels.IMAGENET_JSON) != null) {
      ClassLabels packaged = ClassLabels.imagenet();
      assertThat(packaged.size()).isEqualTo(1000);
      assertThat(packaged.resolve("tiger cat")).isEqualTo(282);
    } else {
      assertThatThrownBy(ClassLabels::imagenet)
          .isInstanceOf(XaiCamException.class)
          .hasMessageContaining("are missing from the tool's jar; reinstall xai-cam");
    }
  }

  /** Indices within range resolve to themselves, spaces around them ignored. */
  @Test
  void resolvesIndices() {
    assertThat(imagenet.resolve("0")).isZero();
    assertThat(imagenet.resolve(" 281 ")).isEqualTo(281);
    assertThat(imagenet.resolve("999")).isEqualTo(999);
  }

  /** Names match case-insensitively with _, - and spaces alike, against Keras and readable names. */
  @ParameterizedTest
  @ValueSource(strings = {"golden_retriever", "golden retriever", "Golden-Retriever", "GOLDEN  retriever"})
  void resolvesNamesLoosely(String text) {
    assertThat(imagenet.resolve(text)).isEqualTo(207);
  }

  /** Readable names single out the duplicated Keras names. */
  @Test
  void readableNamesDisambiguateDuplicates() {
    assertThat(imagenet.resolve("crane bird")).isEqualTo(134);
    assertThat(imagenet.resolve("maillot_tank_suit")).isEqualTo(639);
    assertThat(imagenet.resolve("egyptian cat")).isEqualTo(285);
  }

  /** A duplicated Keras name is ambiguous and lists its candidates. */
  @Test
  void duplicateNameIsAmbiguous() {
    assertUsageError("crane", "class 'crane' is ambiguous: 134 crane (crane bird), 517 crane; give the index");
    assertUsageError("maillot", "class 'maillot' is ambiguous: 638 maillot, 639 maillot (maillot tank suit); "
        + "give the index");
  }

  /** Indices out of range name the range; huge and negative numbers are indices, not names. */
  @Test
  void outOfRangeIndexNamesRange() {
    assertUsageError("1000", "class index 1000 is out of range; give 0..999 or a class name");
    assertUsageError("-1", "class index -1 is out of range; give 0..999 or a class name");
    assertUsageError("99999999999999999999", "class index 99999999999999999999 is out of range; give 0..999 or a class name");
  }

  /** An unknown name suggests the closest names, best first. */
  @Test
  void unknownNameSuggestsClosest() {
    assertThatThrownBy(() -> imagenet.resolve("golden retreiver"))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_USAGE);
          assertThat(e.getMessage()).startsWith("unknown class 'golden retreiver'; closest: 207 golden_retriever, ")
              .endsWith("; give a class index 0..999 or one of the class names");
        });
  }

  /** A name contained in longer names suggests those first. */
  @Test
  void partialNameSuggestsContainingNames() {
    ClassLabels labels = ClassLabels.of(List.of("tabby", "tiger_cat", "Persian_cat", "tiger"),
        List.of("tabby", "tiger cat", "Persian cat", "tiger"));

    assertUsageError(labels, "cat", "unknown class 'cat'; closest: 1 tiger_cat, 2 Persian_cat, 0 tabby, 3 tiger; "
        + "give a class index 0..3 or one of the class names");
  }

  /** Empty input is a usage error, not index 0. */
  @Test
  void emptyTextIsUsageError() {
    assertUsageError("  ", "class must not be empty; give a class index 0..999 or a class name");
  }

  /** name() and readableName() reject bad indices by value. */
  @Test
  void nameRejectsBadIndex() {
    assertThatThrownBy(() -> imagenet.name(1000))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("class index must be in 0..999, got 1000");
  }

  /** of() checks that the lists are parallel. */
  @Test
  void ofRejectsMismatchedLists() {
    assertThatThrownBy(() -> ClassLabels.of(List.of("a", "b"), List.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("got 2 class names but 1 readable names");
  }

  /** The table must agree with the JSON index row for row. */
  @Test
  void loadRejectsDisagreeingFiles() {
    String json = "{\"0\": [\"n1\", \"tench\"], \"1\": [\"n2\", \"goldfish\"]}";
    String tsv = "index\twnid\tkeras_name\treadable_name\n0\tn1\ttench\ttench\n1\tn2\tgoldfinch\tgoldfinch\n";

    assertThatThrownBy(() -> ClassLabels.load(stream(json), stream(tsv)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("class table: row 1 does not match the class index JSON: 1\tn2\tgoldfinch\tgoldfinch");
  }

  /** A class index that is not an object of string arrays is refused, truncated or not. */
  @Test
  void loadRejectsAMalformedClassIndex() {
    String tsv = "index\twnid\tkeras_name\treadable_name\n0\tn1\ttench\ttench\n";

    assertThatThrownBy(() -> ClassLabels.load(stream("{\"0\": [\"n1\", 7]}"), stream(tsv)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("class index JSON: expected VALUE_STRING, found VALUE_NUMBER_INT");
    assertThatThrownBy(() -> ClassLabels.load(stream("{\"0\": [\"n1\", \"tench\"]"), stream(tsv)))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("end-of-input");
  }

  /** Edit distance on textbook pairs. */
  /** UTF-8 bytes of {@code text}. */
  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Asserts that resolving {@code text} against ImageNet fails with exactly {@code message}. */
  private static void assertUsageError(String text, String message) {
    assertUsageError(imagenet, text, message);
  }

  /** Asserts that resolving {@code text} fails with a usage error of exactly {@code message}. */
  private static void assertUsageError(ClassLabels labels, String text, String message) {
    assertThatThrownBy(() -> labels.resolve(text))
        .isInstanceOfSatisfying(XaiCamException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_USAGE);
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }
}
