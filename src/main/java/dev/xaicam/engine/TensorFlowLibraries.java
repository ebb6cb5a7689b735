package dev.xaicam.engine;

import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * TensorFlow's three native libraries in the folder DJL unpacked them into on the first run,
 * loaded straight from there. DJL would first probe for CUDA and have JavaCPP search every jar on
 * the class path for each library; loading them directly, and telling JavaCPP they are loaded,
 * takes that work out of every later start (with {@code TfEngineStart}, about 0.2 s of CPU).
 *
 * <p>The folder is the one DJL's {@code LibUtils} computes: the engine cache folder, then
 * {@code version-flavor-classifier} from the {@code native/lib/tensorflow.properties} first on the
 * class path (this project's own, which corrects the native jar's).
 */
final class TensorFlowLibraries {
  /** The platform description DJL reads, first on the class path. */
  static final String PROPERTIES = "native/lib/tensorflow.properties";
  /** The JNI library, loaded after the two it links against. */
  private static final String JNI_LIBRARY = "libjnitensorflow.so";
  /** DJL's override of the library folder; when the user sets it, DJL's own start honours it. */
  private static final String OVERRIDE = "TENSORFLOW_LIBRARY_PATH";
  /** Tells JavaCPP the libraries are loaded: its classes then skip their own search. */
  private static final String JAVACPP_LOAD_LIBRARIES = "org.bytedeco.javacpp.loadLibraries";

  /** Static functions only. */
  private TensorFlowLibraries() {}

  /**
   * Loads the unpacked libraries when all of them are there (not on the first run, which DJL
   * unpacks, nor when the user names a folder of their own) and returns whether it did. Before the
   * slow load of TensorFlow's library it links the JDK natives a start-up calls ({@link JdkNatives})
   * and loads the small framework library, then runs {@code beforeMainLibrary} (a wait for the
   * caller's go-ahead).
   *
   * @throws UnsatisfiedLinkError when a present library does not load
   */
  static boolean loadUnpacked(Runnable beforeMainLibrary) {
    if (Utils.getEnvOrSystemProperty(OVERRIDE) != null) {
      return false;
    }
    Optional<Path> folder = TensorRuntime.unpackedLibraryFolder();
    if (folder.isEmpty()) {
      return false;
    }
    List<Path> libraries = loadOrder(folder.get());
    if (!libraries.stream().allMatch(Files::isRegularFile)) {
      return false;
    }
    JdkNatives.link();
    System.load(libraries.get(0).toString());
    beforeMainLibrary.run();
    for (Path library : libraries.subList(1, libraries.size())) {
      System.load(library.toString());
    }
    System.setProperty(JAVACPP_LOAD_LIBRARIES, "false");
    // DJL's own start, should it still run, then looks here instead of detecting the platform.
    System.setProperty(OVERRIDE, folder.get().toString());
    return true;
  }

  /**
   * The folder DJL unpacks the libraries into under {@code cacheRoot}, per the platform
   * description {@code loader} finds; empty when it has none or lacks a field.
   */
  static Optional<Path> folder(ClassLoader loader, Path cacheRoot) {
    Properties platform = new Properties();
    try (InputStream in = loader.getResourceAsStream(PROPERTIES)) {
      if (in == null) {
        return Optional.empty();
      }
      platform.load(in);
    } catch (IOException e) {
      return Optional.empty();
    }
    String version = platform.getProperty("version");
    String flavor = platform.getProperty("flavor");
    String classifier = platform.getProperty("classifier");
    if (version == null || flavor == null || classifier == null) {
      return Optional.empty();
    }
    return Optional.of(cacheRoot.resolve(version + '-' + flavor + '-' + classifier));
  }

  /**
   * The libraries in {@code folder} in the order they link: the framework, the C API that needs
   * it, then the JNI library that needs both.
   */
  static List<Path> loadOrder(Path folder) {
    List<Path> order = new ArrayList<>();
    order.add(folder.resolve("libtensorflow_framework.so.2"));
    order.add(folder.resolve("libtensorflow_cc.so.2"));
    order.add(folder.resolve(JNI_LIBRARY));
    return order;
  }
}
