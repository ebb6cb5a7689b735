package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The help cache on a temporary folder: keys, round trips, and old builds removed. */
class HelpCacheTest {
  @TempDir Path dir;

  @Test
  void aStoredTextComesBackForTheSameArgumentsAndWidthOnly() {
    HelpCache cache = new HelpCache(dir.resolve("help").resolve("build-1"), "80");
    String[] help = {"bench", "--help"};

    assertThat(cache.lookUp(help)).isEmpty();
    cache.store(help, "Usage: xai-cam bench\n");

    assertThat(cache.lookUp(help)).contains("Usage: xai-cam bench\n");
    assertThat(cache.lookUp(new String[] {"bench", "-h"})).isEmpty();
    assertThat(new HelpCache(dir.resolve("help").resolve("build-1"), "120").lookUp(help)).isEmpty();
    // "a" + "b c" and "a b" + "c" are different argument lists
    assertThat(cache.entry(new String[] {"a", "b c"})).isNotEqualTo(cache.entry(new String[] {"a b", "c"}));
  }

  @Test
  void storingForANewBuildRemovesTheOldBuildsTexts() throws IOException {
    Path old = Files.createDirectories(dir.resolve("help").resolve("build-0"));
    Files.writeString(old.resolve("x.txt"), "old");
    HelpCache cache = new HelpCache(dir.resolve("help").resolve("build-1"), "80");

    cache.store(new String[] {"--help"}, "new");

    assertThat(old).doesNotExist();
    try (var left = Files.list(dir.resolve("help").resolve("build-1"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .singleElement().satisfies(name -> assertThat(name).endsWith(".txt"));
    }
  }

  @Test
  void whatAKilledWriterLeftIsRemovedByTheNextStore() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("help").resolve("build-1"));
    // no process has this id: Linux's largest is 2^22
    Path left = Files.writeString(folder.resolve(dev.xaicam.TemporaryFile.PREFIX + "99999999-x.part"), "half");
    HelpCache cache = new HelpCache(folder, "80");

    cache.store(new String[] {"-h"}, "text");

    assertThat(left).doesNotExist();
    assertThat(cache.lookUp(new String[] {"-h"})).contains("text");
  }

  @Test
  void classesFromAFolderOrNoNumericWidthCacheNothing() {
    String before = System.getProperty(HelpCache.WIDTH_PROPERTY);
    try {
      System.clearProperty(HelpCache.WIDTH_PROPERTY);
      assertThat(HelpCache.forThisProcess(dir)).isEmpty();
      System.setProperty(HelpCache.WIDTH_PROPERTY, "AUTO");
      assertThat(HelpCache.forThisProcess(dir)).isEmpty();
      // tests load this class from target/classes, a folder: no build to key the texts by
      System.setProperty(HelpCache.WIDTH_PROPERTY, "80");
      assertThat(HelpCache.forThisProcess(dir)).isEmpty();
    } finally {
      if (before == null) {
        System.clearProperty(HelpCache.WIDTH_PROPERTY);
      } else {
        System.setProperty(HelpCache.WIDTH_PROPERTY, before);
      }
    }
  }
}
