package dev.xaicam.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkNativesTest {
  @TempDir Path dir;

  /** The scratch files {@link JdkNatives} makes in the temporary folder. */
  private static List<Path> scratchFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("xai-cam-")
          && f.getFileName().toString().contains(".link")).toList();
    }
  }

  @Test
  void linkingLeavesNoFileBehindAndCanRunAgain() throws IOException {
    List<Path> before = scratchFiles();

    JdkNatives.link();
    JdkNatives.link();

    assertThat(scratchFiles()).isEqualTo(before);
  }

  /**
   * In a child JVM whose class path holds folders only (so reading a class links no zip native),
   * {@link JdkNatives#link} links the natives a start-up's main thread would otherwise link while
   * TensorFlow's library holds the dynamic linker: reflection, files, processes, the jar
   * reader's zip natives, annotations and the console.
   */
  @Test
  void linksTheNativesOfReflectionFilesProcessesJarsAnnotationsAndConsole() throws Exception {
    Path log = dir.resolve("resolve.log");
    String classPath = folderOf(JdkNatives.class) + File.pathSeparator + folderOf(Probe.class);
    Process probe = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:off", "-Xlog:jni+resolve=debug,library=info:file=" + log, "-cp", classPath,
        Probe.class.getName()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile()).start();
    assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(probe.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();

    assertThat(Files.readString(log)).contains(
        "java.lang.reflect.Array.getLength", "sun.nio.ch.FileChannelImpl.map0",
        "java.lang.ProcessHandleImpl.isAlive0", "java.util.zip.Inflater.inflateBytesBytes",
        // CRC32's natives are interpreter intrinsics; what its first use costs is the zip
        // library's look-up, a dlsym too
        "JNI_OnLoad_zip",
        "jdk.internal.reflect.ConstantPool.getUTF8At0", "jdk.internal.reflect.ConstantPool.getIntAt0",
        "jdk.internal.reflect.ConstantPool.getLongAt0",
        "jdk.internal.reflect.ConstantPool.getDoubleAt0", "java.lang.Module.defineModule0",
        "java.lang.Module.addExports0", "java.io.Console.istty");
  }

  private static String folderOf(Class<?> type) throws URISyntaxException {
    Path folder = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(folder).as("a class folder, not a jar").isDirectory();
    return folder.toString();
  }

  /** Links, in a process of its own. */
  static final class Probe {
    public static void main(String[] args) {
      JdkNatives.link();
    }
  }
}
