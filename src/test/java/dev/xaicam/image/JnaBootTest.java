package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JnaBootTest {
  @TempDir Path dir;

  @Test
  void jnasLibraryIsUnpackedOnceIntoAFolderNamedAfterJnasVersion() throws Exception {
    Path folder = JnaBoot.unpackedFolder(dir).orElseThrow();
    Path library = folder.resolve(System.mapLibraryName("jnidispatch"));
    long modified = Files.getLastModifiedTime(library).toMillis();

    assertThat(folder).isEqualTo(dir.resolve("natives/jna-5.14.0"));
    assertThat(Files.size(library)).isEqualTo(com.sun.jna.Library.class.getClassLoader()
        .getResource("com/sun/jna/linux-x86-64/" + library.getFileName()).openConnection()
        .getContentLengthLong());
    Thread.sleep(20);
    assertThat(JnaBoot.unpackedFolder(dir)).contains(folder);
    assertThat(Files.getLastModifiedTime(library).toMillis()).isEqualTo(modified);
  }

  @Test
  void settingsMadeOnTheCommandLineAreKept() {
    String boot = System.getProperty(JnaBoot.BOOT_PATH);
    String platform = System.getProperty(JnaBoot.PLATFORM_PATH);
    try {
      System.setProperty(JnaBoot.BOOT_PATH, "/users/choice");
      System.setProperty(JnaBoot.PLATFORM_PATH, "/users/libs");

      JnaBoot.prepare(dir);

      assertThat(System.getProperty(JnaBoot.BOOT_PATH)).isEqualTo("/users/choice");
      assertThat(System.getProperty(JnaBoot.PLATFORM_PATH)).isEqualTo("/users/libs");
      assertThat(dir.resolve("natives")).doesNotExist();
    } finally {
      restore(JnaBoot.BOOT_PATH, boot);
      restore(JnaBoot.PLATFORM_PATH, platform);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  @Tag("native")
  void aProcessLoadsJnaFromTheUnpackedCopyAndStartsNoChildProcess() throws Exception {
    Path log = dir.resolve("log.txt");
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:library=info,class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
        NativeStderrTest.Probe.class.getName())
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
    builder.environment().put("XAI_CAM_HOME", dir.resolve("home").toString());
    Process process = builder.start();

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).anyMatch(l -> l.contains("Loaded library "
        + dir.resolve("home/natives/jna-5.14.0").resolve(System.mapLibraryName("jnidispatch"))));
    // JNA would run ldconfig -p to learn the library folders.
    assertThat(lines).noneMatch(l -> l.contains("java.lang.ProcessImpl "));
  }
}
