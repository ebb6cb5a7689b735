package dev.xaicam.keras;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** String attributes as Keras writes them, and scalar datasets. */
class Hdf5AccessTest {

  /** Fresh folder per test. */
  @TempDir Path dir;

  /** Chunked attributes concatenate in chunk order; a plain one wins; absent gives none. */
  @Test
  void readsPlainAndChunkedStringAttributes() {
    Path file = dir.resolve("a.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putAttribute("names0", new String[] {"a", "b"});
      hdf.putAttribute("names1", new String[] {"c"});
      hdf.putAttribute("single", "only");
    }

    try (HdfFile hdf = new HdfFile(file)) {
      assertThat(Hdf5Access.strings(hdf, "names")).containsExactly("a", "b", "c");
      assertThat(Hdf5Access.hasAttribute(hdf, "names")).isTrue();
      assertThat(Hdf5Access.strings(hdf, "absent")).isEmpty();
      assertThat(Hdf5Access.string(hdf, "single")).isEqualTo("only");
      assertThat(Hdf5Access.string(hdf, "names0")).isNull();
      assertThat(Hdf5Access.string(hdf, "absent")).isNull();
    }
  }

  /** A scalar dataset becomes a one-element array with an empty shape. */
  @Test
  void readsScalarDataset() {
    Path file = dir.resolve("s.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putDataset("x", 2.5f);
    }

    try (HdfFile hdf = new HdfFile(file)) {
      var weight = Hdf5Access.readWeight(file, "x", hdf.getDatasetByPath("x"));
      assertThat(weight.shape()).isEmpty();
      assertThat(weight.values()).containsExactly(2.5f);
    }
  }

  /** A missing child is null, not an exception. */
  @Test
  void childOfMissingPathIsNull() {
    Path file = dir.resolve("c.h5");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putGroup("g").putDataset("d", new float[] {1f});
    }

    try (HdfFile hdf = new HdfFile(file)) {
      assertThat(Hdf5Access.child(hdf, "g/d")).isNotNull();
      assertThat(Hdf5Access.child(hdf, "g/zz:0")).isNull();
    }
  }
}
