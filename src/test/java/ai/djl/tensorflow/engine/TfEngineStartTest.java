package ai.djl.tensorflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.framework.ConfigProto;

class TfEngineStartTest {
  @TempDir Path dir;

  @Test
  void theSessionConfigIsTheBytesProtobufWritesForTheSamePoolSizes() {
    assertThat(TfEngineStart.sessionConfig(2, 3)).isEqualTo(ConfigProto.newBuilder()
        .setInterOpParallelismThreads(2).setIntraOpParallelismThreads(3).build().toByteArray());
    assertThat(TfEngineStart.sessionConfig(0, 16)).isEqualTo(ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(16).build().toByteArray());
    assertThat(TfEngineStart.sessionConfig(0, 0)).isEmpty();
  }

  @Test
  @Tag("native")
  void anEngineOverPreloadedLibrariesSkipsDjlsProbesAndComputesTheSameMapsAsDjlsOwnStart()
      throws Exception {
    Path folder = dev.xaicam.engine.TensorRuntime.unpackedLibraryFolder().orElseThrow();
    // DJL's own start first: it unpacks the libraries on a fresh machine, which the fast start needs.
    Run djl = run("djl", Map.of("TENSORFLOW_LIBRARY_PATH", folder.toString()));
    Run direct = run("direct", Map.of());

    assertThat(djl.classes).contains("ai.djl.util.cuda.CudaUtils");
    assertThat(direct.classes).doesNotContain("ai.djl.util.cuda.CudaUtils")
        .doesNotContain("org.tensorflow.proto.framework.ConfigProto ");
    assertThat(Files.readAllBytes(direct.map)).isEqualTo(Files.readAllBytes(djl.map));
  }

  /** A demo-model Grad-CAM run in a child JVM: the classes it loaded and its raw map. */
  private record Run(String classes, Path map) {}

  private Run run(String tag, Map<String, String> env) throws IOException, InterruptedException {
    Path out = dir.resolve(tag);
    Path classLog = dir.resolve(tag + "-classes.txt");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + classLog, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--model", "demo", "--npy", "-q", "-o", out.toString(),
        "samples/shapes/00_cross.png"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(tag + "-output.txt").toFile());
    builder.environment().put("XAI_CAM_HOME", dir.resolve("home").toString());
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve(tag + "-output.txt"))).isZero();
    return new Run(Files.readString(classLog), out.resolve("00_cross.gradcam.npy"));
  }
}
