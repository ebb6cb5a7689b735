package dev.xaicam.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFlowLibrariesTest {
  @TempDir Path dir;

  /** A class loader that finds only {@code properties} as {@link TensorFlowLibraries#PROPERTIES}. */
  private ClassLoader loaderWith(String properties) throws IOException {
    Path resource = dir.resolve("classes").resolve(TensorFlowLibraries.PROPERTIES);
    Files.createDirectories(resource.getParent());
    Files.writeString(resource, properties);
    return new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null);
  }

  @Test
  void theFolderIsDjlsVersionFlavourClassifierUnderTheCacheRoot() throws IOException {
    ClassLoader loader = loaderWith("version=2.10.1-20230315\nflavor=cpu\nclassifier=linux-x86_64\n");

    assertThat(TensorFlowLibraries.folder(loader, Path.of("/cache/tensorflow")))
        .contains(Path.of("/cache/tensorflow/2.10.1-20230315-cpu-linux-x86_64"));
  }

  @Test
  void aPlatformDescriptionWithoutAFlavourNamesNoFolder() throws IOException {
    // The native jar's own file has no flavour (and names a CUDA classifier): DJL then downloads.
    ClassLoader loader = loaderWith("version=2.10.1-20230315\nclassifier=cu113-linux-x86_64\n");

    assertThat(TensorFlowLibraries.folder(loader, Path.of("/cache"))).isEmpty();
  }

  @Test
  void aClassPathWithoutAPlatformDescriptionNamesNoFolder() {
    ClassLoader empty = new URLClassLoader(new URL[0], null);

    assertThat(TensorFlowLibraries.folder(empty, Path.of("/cache"))).isEmpty();
  }

  @Test
  void thisProjectsClassPathNamesTheCpuBuild() {
    assertThat(TensorRuntime.unpackedLibraryFolder()).get().asString()
        .endsWith("-cpu-linux-x86_64");
  }

  @Test
  void librariesLoadInLinkOrderFrameworkThenCApiThenJni() {
    Path folder = Path.of("/f");

    assertThat(TensorFlowLibraries.loadOrder(folder)).containsExactly(
        folder.resolve("libtensorflow_framework.so.2"), folder.resolve("libtensorflow_cc.so.2"),
        folder.resolve("libjnitensorflow.so"));
  }
}
