package dev.xaicam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.TemporaryFile;
import dev.xaicam.XaiCamException;
import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.WeightArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileCacheTest {
  @TempDir Path dir;

  /** How often the slow path (reading the file) ran. */
  private final AtomicInteger reads = new AtomicInteger();

  private ModelWeights load(ModelFileCache cache, Path file) {
    return cache.load(file, () -> {
      reads.incrementAndGet();
      return KerasModelFile.readWeightsOnly(file);
    });
  }

  private List<Path> copies() throws IOException {
    if (!Files.isDirectory(dir.resolve("copies"))) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir.resolve("copies"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".f32")).toList();
    }
  }

  @Test
  void aLargeEnoughFileIsReadOnceThenMappedWithTheSameValues() throws IOException {
    Path file = TinyModels.writeWeights(dir.resolve("model.h5"), 5);
    ModelFileCache cache = new ModelFileCache(dir.resolve("copies"), 0, Long.MAX_VALUE);

    ModelWeights first = load(cache, file);
    ModelWeights second = load(cache, file);

    assertThat(reads).hasValue(1);
    assertThat(second).isEqualTo(first).isEqualTo(KerasModelFile.readWeightsOnly(file));
    assertThat(second.byLayer().values().stream().flatMap(List::stream))
        .allMatch(array -> array.mappedBytes() != null);
    assertThat(copies()).hasSize(1);
  }

  @Test
  void aSmallFileIsReadEveryTimeAndNotCopied() throws IOException {
    Path file = TinyModels.writeWeights(dir.resolve("model.h5"), 5);
    ModelFileCache cache = new ModelFileCache(dir.resolve("copies"), Files.size(file) + 1,
        Long.MAX_VALUE);

    load(cache, file);
    load(cache, file);

    assertThat(reads).hasValue(2);
    assertThat(copies()).isEmpty();
  }

  @Test
  void aRewrittenFileIsReadAgainAndItsNewWeightsUsed() throws IOException {
    Path file = TinyModels.writeWeights(dir.resolve("model.h5"), 5);
    ModelFileCache cache = new ModelFileCache(dir.resolve("copies"), 0, Long.MAX_VALUE);
    ModelWeights before = load(cache, file);

    TinyModels.writeWeights(file, 6);
    Files.setLastModifiedTime(file,
        FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
    ModelWeights after = load(cache, file);

    assertThat(reads).hasValue(2);
    assertThat(after).isEqualTo(KerasModelFile.readWeightsOnly(file)).isNotEqualTo(before);
    assertThat(copies()).hasSize(1);
  }

  /** Past the cap the least recently used copies go; the one in use always stays. */
  @Test
  void theLeastRecentlyUsedCopiesGoOnceTheyPassTheCap() throws IOException {
    Path a = TinyModels.writeWeights(dir.resolve("a.h5"), 1);
    Path b = TinyModels.writeWeights(dir.resolve("b.h5"), 2);
    Path c = TinyModels.writeWeights(dir.resolve("c.h5"), 3);
    ModelFileCache unbounded = new ModelFileCache(dir.resolve("copies"), 0, Long.MAX_VALUE);
    load(unbounded, a);
    load(unbounded, b);
    long copySize = Files.size(copies().get(0));
    WeightCache names = new WeightCache(dir.resolve("copies"));
    // a used after b: b is now the least recently used
    Files.setLastModifiedTime(names.fileFor(b), FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(names.fileFor(a), FileTime.fromMillis(2_000_000));

    load(new ModelFileCache(dir.resolve("copies"), 0, 2 * copySize), c);

    assertThat(copies()).containsExactlyInAnyOrder(names.fileFor(a), names.fileFor(c));
    load(new ModelFileCache(dir.resolve("copies"), 0, 0), a);
    assertThat(copies()).containsExactly(names.fileFor(a));
  }

  /** A copy a killed run left half-written (its writer's pid is gone) is removed. */
  @Test
  void aKilledCopysTemporaryFileIsRemoved() throws IOException {
    Path file = TinyModels.writeWeights(dir.resolve("model.h5"), 5);
    Path stale = Files.writeString(Files.createDirectories(dir.resolve("copies"))
        .resolve(TemporaryFile.PREFIX + "2147483646-x.part"), "half a copy");

    load(new ModelFileCache(dir.resolve("copies"), 0, Long.MAX_VALUE), file);

    assertThat(stale).doesNotExist();
    assertThat(copies()).hasSize(1);
  }

  @Test
  void withoutAWritableFolderTheWeightsAreStillRead() throws IOException {
    Path file = TinyModels.writeWeights(dir.resolve("model.h5"), 5);
    Path notAFolder = Files.writeString(dir.resolve("copies"), "a file where the folder goes");
    ModelFileCache cache = new ModelFileCache(notAFolder, 0, Long.MAX_VALUE);

    assertThat(load(cache, file)).isEqualTo(KerasModelFile.readWeightsOnly(file));
  }

  /** Weights the network's loader would refuse are refused before any copy is written. */
  @Test
  void nonFiniteWeightsAreRefusedNamingTheLayerAndNotCopied() throws IOException {
    Path file = TinyModels.writeWeights(dir.resolve("model.h5"), 5);
    ModelFileCache cache = new ModelFileCache(dir.resolve("copies"), 0, Long.MAX_VALUE);
    ModelWeights bad = new ModelWeights(Map.of("dense",
        List.of(new WeightArray(new int[] {2}, new float[] {1f, Float.NaN}))));

    assertThatThrownBy(() -> cache.load(file, () -> bad))
        .isInstanceOf(XaiCamException.class)
        .hasMessageContaining("the weights of layer dense are not finite");
    assertThat(copies()).isEmpty();
  }

  @Test
  void negativeSizesAreRefusedByName() {
    assertThatThrownBy(() -> new ModelFileCache(dir, -1, 0))
        .hasMessageContaining("minSourceBytes -1");
  }
}
