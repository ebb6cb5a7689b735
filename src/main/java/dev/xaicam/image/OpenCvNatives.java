package dev.xaicam.image;

import dev.xaicam.XaiCamException;

/** Loads OpenCV's native library once per process, on first use, from any thread. */
final class OpenCvNatives {

  /** Holder whose class initialisation (run once, under the JVM's class-init lock) loads the library. */
  private static final class Holder {
    /** The load failure, or null when the library loaded. */
    static final Throwable FAILURE = load();

    /** Loads from the jar's bundled natives; loadShared breaks on Java 12+, so loadLocally it is. */
    private static Throwable load() {
      try {
        nu.pattern.OpenCV.loadLocally();
        return null;
      } catch (Throwable e) {
        return e;
      }
    }
  }

  /** Not instantiable. */
  private OpenCvNatives() {}

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
