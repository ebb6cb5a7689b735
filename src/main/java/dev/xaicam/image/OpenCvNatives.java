package dev.xaicam.image;

import dev.xaicam.ToolHome;
import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;
import org.opencv.core.Core;

/** Loads OpenCV's native library once per process, on first use, from any thread. */
final class OpenCvNatives {

  /** Holder whose class initialisation (run once, under the JVM's class-init lock) loads the library. */
  private static final class Holder {
    /** The load failure, or null when the library loaded. */
    static final Throwable FAILURE = load();

    /**
     * Loads the jar's bundled library from its unpacked copy in the tool's folder; where that
     * cannot be (an unknown platform, a read-only home), through openpnp's loader, which unpacks
     * it again each time (loadShared breaks on Java 12+, so loadLocally it is).
     */
    private static Throwable load() {
      try {
        Path unpacked = unpackedLibrary();
        if (unpacked != null) {
          System.load(unpacked.toString());
          return null;
        }
      } catch (IOException | UnsatisfiedLinkError e) {
        // Fall through to the loader that needs no cache folder.
      }
      try {
        nu.pattern.OpenCV.loadLocally();
        return null;
      } catch (Throwable e) {
        return e;
      }
    }

    /** The unpacked library for this platform, or null when the jar has none for it. */
    private static Path unpackedLibrary() throws IOException {
      String name = System.mapLibraryName(Core.NATIVE_LIBRARY_NAME);
      URL resource = OpenCvNatives.class.getClassLoader()
          .getResource("nu/pattern/opencv/" + platformFolder() + "/" + name);
      if (resource == null) {
        return null;
      }
      Path file = ToolHome.current().resolve("natives").resolve("opencv-" + Core.VERSION)
          .resolve(name);
      return new UnpackedLibrary(resource, file).unpacked();
    }

    /** openpnp's folder for this operating system and processor, e.g. {@code linux/x86_64}. */
    private static String platformFolder() {
      String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
      String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
      String osFolder = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx"
          : os.startsWith("windows") ? "windows" : os;
      String archFolder = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
          : arch.equals("aarch64") || arch.equals("arm64") ? "ARMv8" : arch;
      return osFolder + "/" + archFolder;
    }
  }

  /** Not instantiable. */
  private OpenCvNatives() {}

  /**
   * Starts loading the library on a daemon thread and returns at once, for a run that will decode
   * images once its network is up: the load then overlaps the weights'. A failure is kept and
   * reported by the first decode's {@link #ensureLoaded}.
   */
  static void loadInBackground() {
    // Reading the holder's field runs its class initialisation, which loads the library.
    Thread loader = new Thread(() -> {
      Throwable ignored = Holder.FAILURE;
    }, "xai-cam-opencv-load");
    loader.setDaemon(true);
    loader.start();
  }

  /** Makes sure OpenCV is loaded; a failure is a setup problem of this machine, not of an input. */
  static void ensureLoaded() {
    Throwable failure = Holder.FAILURE;
    if (failure != null) {
      throw XaiCamException.setup(
          "cannot load the OpenCV native library (" + failure + "); check that this platform is"
              + " supported by org.openpnp:opencv and that the temp directory is writable",
          failure);
    }
  }
}
