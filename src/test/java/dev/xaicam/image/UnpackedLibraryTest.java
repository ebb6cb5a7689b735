package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedLibraryTest {
  @TempDir Path dir;

  private final byte[] content = new byte[100_000];
  private URL resource;

  @BeforeEach
  void writeJar() throws IOException {
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + i / 7);
    }
    Path jar = dir.resolve("natives.jar");
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("lib/libfake.so"));
      zip.write(content);
      zip.closeEntry();
    }
    resource = new URL("jar:" + jar.toUri() + "!/lib/libfake.so");
  }

  @Test
  void unpacksOnceAndLaterCallsReuseTheFile() throws IOException {
    Path target = dir.resolve("cache/opencv-1.0/libfake.so");
    UnpackedLibrary library = new UnpackedLibrary(resource, target);

    Path first = library.unpacked();
    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(first, written);
    Path second = library.unpacked();

    assertThat(first).isEqualTo(target);
    assertThat(Files.readAllBytes(target)).isEqualTo(content);
    assertThat(second).isEqualTo(target);
    assertThat(Files.getLastModifiedTime(target)).isEqualTo(written);
    try (var files = Files.list(target.getParent())) {
      assertThat(files.toList()).containsExactly(target);
    }
  }

  @Test
  void replacesACopyOfTheWrongSize() throws IOException {
    Path target = dir.resolve("cache/libfake.so");
    Files.createDirectories(target.getParent());
    Files.write(target, new byte[] {1, 2, 3});

    new UnpackedLibrary(resource, target).unpacked();

    assertThat(Files.readAllBytes(target)).isEqualTo(content);
  }
}
