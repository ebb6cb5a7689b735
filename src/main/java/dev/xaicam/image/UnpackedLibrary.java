package dev.xaicam.image;

import dev.xaicam.TemporaryFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A native library shipped inside a jar, unpacked once into a cache folder and loaded from there
 * by later processes. OpenCV's loader unpacks its 65 MB library into a fresh temporary folder on
 * every start, which costs about a second of a one-image run; a file unpacked once costs 20 ms.
 *
 * <p>The cached file is written through a {@link TemporaryFile} and renamed into place, so a killed
 * process leaves no half-written library; its size must equal the jar entry's, and the folder is
 * named after the library's version, so another version never takes its place.
 */
final class UnpackedLibrary {
  /** The library inside the jar. */
  private final URL resource;
  /** Where the unpacked copy lives. */
  private final Path file;

  /**
   * @param resource the library as a class-path resource
   * @param file where to keep the unpacked copy
   */
  UnpackedLibrary(URL resource, Path file) {
    this.resource = resource;
    this.file = file;
  }

  /**
   * The unpacked copy, written now if it is missing or has the wrong size.
   *
   * @throws IOException when the resource cannot be read or the folder written
   */
  Path unpacked() throws IOException {
    URLConnection connection = resource.openConnection();
    // A jar entry's size comes from the zip directory, without inflating anything.
    long size = connection.getContentLengthLong();
    if (Files.isRegularFile(file) && Files.size(file) == size) {
      return file;
    }
    TemporaryFile.removeStale(file.getParent());
    try (TemporaryFile temp = TemporaryFile.createIn(file.getParent());
        InputStream in = connection.getInputStream()) {
      Files.copy(in, temp.path(), StandardCopyOption.REPLACE_EXISTING);
      if (size >= 0 && Files.size(temp.path()) != size) {
        throw new IOException("unpacked " + Files.size(temp.path()) + " bytes of " + resource
            + ", expected " + size);
      }
      temp.moveTo(file);
    }
    return file;
  }
}
