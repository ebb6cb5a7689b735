package dev.xaicam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LabelFile}: every accepted form, and one usage error per broken file. */
class LabelFileTest {
  @TempDir Path dir;

  private ClassLabels read(String name, String text) throws IOException {
    return LabelFile.read(Files.writeString(dir.resolve(name), text));
  }

  @Test
  void readsLinesNumberedLinesJsonListsObjectsAndKerasClassIndex() throws IOException {
    assertThat(read("a.txt", "cat\n\ndog\n").name(1)).isEqualTo("dog");
    ClassLabels tm = read("labels.txt", "0 Class 1\n1 Other thing\n");
    assertThat(tm.name(0)).isEqualTo("Class 1");
    assertThat(tm.name(1)).isEqualTo("Other thing");
    // lines that merely start with digits are names, not numbered lines
    assertThat(read("b.txt", "3 bears\n7 dwarfs\n").name(0)).isEqualTo("3 bears");
    assertThat(read("c.json", "[\"cat\", \"dog\"]").size()).isEqualTo(2);
    assertThat(read("d.json", "{\"1\": \"dog\", \"0\": \"cat\"}").name(0)).isEqualTo("cat");
    ClassLabels keras = read("e.json", "{\"0\": [\"n01440764\", \"tench\"], \"1\": [\"n01443537\", \"goldfish\"]}");
    assertThat(keras.name(1)).isEqualTo("goldfish");
    assertThat(keras.resolve("tench")).isZero();
  }

  @Test
  void brokenFilesAreUsageErrorsNamingTheFile() throws IOException {
    Path gap = Files.writeString(dir.resolve("gap.json"), "{\"0\": \"a\", \"2\": \"c\"}");
    Path bad = Files.writeString(dir.resolve("bad.json"), "[\"a\", ");
    Path empty = Files.writeString(dir.resolve("empty.txt"), "\n \n");
    Path nested = Files.writeString(dir.resolve("nested.json"), "[{\"a\": 1}]");

    assertThatThrownBy(() -> LabelFile.read(gap)).isInstanceOf(XaiCamException.class)
        .hasMessage("--labels " + gap + ": the JSON object has no entry \"1\"; keys must be the class indices 0..1");
    assertThatThrownBy(() -> LabelFile.read(bad)).hasMessageStartingWith("--labels " + bad + ": not valid JSON");
    assertThatThrownBy(() -> LabelFile.read(empty)).hasMessage("--labels " + empty + ": holds no class names");
    assertThatThrownBy(() -> LabelFile.read(nested))
        .hasMessage("--labels " + nested + ": {\"a\":1} is neither a name nor a [wnid, name] pair");
    assertThatThrownBy(() -> LabelFile.read(dir.resolve("missing.txt")))
        .hasMessageStartingWith("--labels " + dir.resolve("missing.txt") + ": cannot read");
  }
}
