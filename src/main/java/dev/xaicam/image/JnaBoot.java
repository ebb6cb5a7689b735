package dev.xaicam.image;

import com.sun.jna.Library;
import com.sun.jna.Platform;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Points JNA, before its first use, at what it would otherwise find out in every process: its
 * native library unpacked once into the tool's folder (JNA unpacks a fresh copy per process into a
 * temporary file), and the system's library folders (JNA runs {@code ldconfig -p} in a child
 * process for them). Together about 60 ms of a one-image run's start, on the main thread.
 *
 * <p>The library folders only serve JNA's search for a library whose plain name the dynamic
 * linker cannot load; xai-cam binds the C library by its file name, which never needs them.
 * Settings the user made on the command line are kept.
 */
final class JnaBoot {
  /** JNA loads {@code jnidispatch} from this folder when set. */
  static final String BOOT_PATH = "jna.boot.library.path";
  /** JNA's fallback search folders; when unset, JNA asks ldconfig. */
  static final String PLATFORM_PATH = "jna.platform.library.path";
  /** The library folders of a Linux system, multi-arch first, as JNA lists them besides ldconfig's. */
  static final String LINUX_LIBRARY_FOLDERS =
      "/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu:/usr/lib64:/lib64:/usr/lib:/lib";

  /** Static function only. */
  private JnaBoot() {}

  /** Sets both properties where they are unset and this is 64-bit Linux on x86; else leaves JNA alone. */
  static void prepare(Path toolHome) {
    if (!Platform.isLinux() || !"linux-x86-64".equals(Platform.RESOURCE_PREFIX)) {
      return;
    }
    if (System.getProperty(PLATFORM_PATH) == null) {
      System.setProperty(PLATFORM_PATH, LINUX_LIBRARY_FOLDERS);
    }
    if (System.getProperty(BOOT_PATH) == null) {
      Optional<Path> folder = unpackedFolder(toolHome);
      if (folder.isPresent()) {
        System.setProperty(BOOT_PATH, folder.get().toString());
      }
    }
  }

  /** The folder holding JNA's unpacked library, unpacked now if needed; empty when that fails. */
  static Optional<Path> unpackedFolder(Path toolHome) {
    String name = System.mapLibraryName("jnidispatch");
    String entry = "com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + name;
    String version = Library.class.getPackage().getImplementationVersion();
    URL resource = resource(entry);
    if (resource == null || version == null) {
      return Optional.empty();
    }
    Path folder = toolHome.resolve("natives").resolve("jna-" + version.split(" ")[0]);
    try {
      return Optional.of(new UnpackedLibrary(resource, folder.resolve(name)).unpacked()
          .getParent());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code entry} in JNA's own jar, named directly: asking the class loader would open every jar
   * before JNA's on the class path (20 ms). The class loader answers when JNA is not in a jar.
   */
  private static URL resource(String entry) {
    CodeSource source = Library.class.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null
        && source.getLocation().getPath().endsWith(".jar")) {
      try {
        return new URL("jar:" + source.getLocation() + "!/" + entry);
      } catch (MalformedURLException e) {
        // The class loader's answer below.
      }
    }
    return Library.class.getClassLoader().getResource(entry);
  }
}
