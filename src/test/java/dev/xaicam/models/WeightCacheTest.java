package dev.xaicam.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.engine.TensorRuntime;
import dev.xaicam.keras.KerasModelFile;
import dev.xaicam.network.GraphNetwork;
import dev.xaicam.network.ModelGraph;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.Precision;
import dev.xaicam.network.WeightArray;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightCacheTest {
  @TempDir Path dir;

  /** Reads the HDF5 file, counting how often the slow path runs. */
  private final AtomicInteger reads = new AtomicInteger();

  private ModelWeights load(WeightCache cache, Path source) {
    return cache.load(source, f -> {
      reads.incrementAndGet();
      return KerasModelFile.readWeightsOnly(f);
    }, FiniteWeights::check);
  }

  @Test
  void theSecondLoadMapsTheCacheAndHoldsExactlyTheFilesValues() {
    Path source = TinyModels.writeWeights(dir.resolve("tiny.h5"), 5);
    WeightCache cache = new WeightCache(dir.resolve("cache"));

    ModelWeights first = load(cache, source);
    ModelWeights second = load(cache, source);

    ModelWeights fromFile = KerasModelFile.readWeightsOnly(source);
    assertThat(reads).hasValue(1);
    assertThat(second.byLayer().keySet()).containsExactlyElementsOf(fromFile.byLayer().keySet());
    assertThat(second).isEqualTo(fromFile);
    assertThat(first).isEqualTo(fromFile);
    assertThat(second.byLayer().values().stream().flatMap(List::stream)).allMatch(a -> a.mappedBytes() != null);
    assertThat(cache.fileFor(source)).isRegularFile();
  }

  @Test
  void aChangedSourceIsConvertedAgain() throws IOException {
    Path source = TinyModels.writeWeights(dir.resolve("tiny.h5"), 5);
    WeightCache cache = new WeightCache(dir.resolve("cache"));
    load(cache, source);

    TinyModels.writeWeights(source, 6);
    Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 2000));
    ModelWeights reloaded = load(cache, source);

    assertThat(reads).hasValue(2);
    assertThat(reloaded).isEqualTo(KerasModelFile.readWeightsOnly(source));
    assertThat(reloaded).isNotEqualTo(KerasModelFile.readWeightsOnly(TinyModels.writeWeights(dir.resolve("b.h5"), 5)));
  }

  @Test
  void aTruncatedCacheIsRebuiltAndNoTemporaryFileStays() throws IOException {
    Path source = TinyModels.writeWeights(dir.resolve("tiny.h5"), 5);
    WeightCache cache = new WeightCache(dir.resolve("cache"));
    load(cache, source);
    long size = Files.size(cache.fileFor(source));
    try (FileChannel c = FileChannel.open(cache.fileFor(source), StandardOpenOption.WRITE)) {
      c.truncate(size - 4);
    }

    ModelWeights reloaded = load(cache, source);

    assertThat(reads).hasValue(2);
    assertThat(reloaded).isEqualTo(KerasModelFile.readWeightsOnly(source));
    assertThat(Files.size(cache.fileFor(source))).isEqualTo(size);
    try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
      assertThat(files).containsExactly(cache.fileFor(source));
    }
  }

  @Test
  void weightsThatFailTheCheckAreNeverCached() {
    Path source = TinyModels.writeWeights(dir.resolve("tiny.h5"), 5);
    WeightCache cache = new WeightCache(dir.resolve("cache"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.load(source,
        KerasModelFile::readWeightsOnly, w -> {
          throw new IllegalStateException("refused");
        })).hasMessage("refused");

    assertThat(cache.fileFor(source)).doesNotExist();
  }

  @Test
  @Tag("native")
  void aNetworkOnTheMappedCacheComputesExactlyWhatOneOnTheFileDoes() {
    Path source = TinyModels.writeWeights(dir.resolve("tiny.h5"), 5);
    WeightCache cache = new WeightCache(dir.resolve("cache"));
    load(cache, source);
    ModelWeights mapped = load(cache, source);
    ModelGraph graph = ModelGraph.of(TinyModels.spec());
    float[] images = new float[2 * 32 * 32 * 3];
    Random random = new Random(11);
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) (random.nextGaussian() * 60);
    }

    float[][] fromCache;
    float[][] fromFile;
    try (GraphNetwork net = GraphNetwork.create(graph, mapped, TensorRuntime.shared(), Precision.FLOAT32)) {
      fromCache = net.probabilities(images, 2);
    }
    try (GraphNetwork net = GraphNetwork.create(graph, KerasModelFile.readWeightsOnly(source),
        TensorRuntime.shared(), Precision.FLOAT32)) {
      fromFile = net.probabilities(images, 2);
    }

    assertThat(reads).hasValue(1);
    assertThat(fromCache).isDeepEqualTo(fromFile);
    assertThat(fromCache[0][0]).isNotEqualTo(fromCache[1][0]);
  }

  @Test
  void aMappedArrayEqualsTheHeapArrayWithTheSameValues() {
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocateDirect(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    bytes.putFloat(1.5f).putFloat(-2f).flip();

    WeightArray mapped = WeightArray.mapped(new int[] {2}, bytes);

    assertThat(mapped).isEqualTo(new WeightArray(new int[] {2}, new float[] {1.5f, -2f}));
    assertThat(mapped.values()).containsExactly(1.5f, -2f);
    assertThat(mapped.size()).isEqualTo(2);
  }
}
