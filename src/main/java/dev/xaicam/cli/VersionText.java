package dev.xaicam.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the tool's version and what it runs on, without loading any native library. */
final class VersionText implements IVersionProvider {

  /** Version lines; the jar manifest's version when packaged, else "development". */
  @Override
  public String[] getVersion() {
    String version = VersionText.class.getPackage().getImplementationVersion();
    return new String[] {
      "xai-cam " + (version == null ? "development build" : version),
      "Java " + System.getProperty("java.version") + ", DJL 0.28.0 TensorFlow 2.10.1 engine, OpenCV 4.9.0"
    };
  }
}
