package dev.xaicam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundledWeightsTest {

  @Test
  void missingBundledWeightsSayHowToRecover() {
    WeightSource missing = new BundledWeights("/models/nothing/weights.h5");
    assertThat(missing.status()).containsExactly(
        "weights: bundled in the tool's jar as models/nothing/weights.h5 (absent: rebuild the tool)");
    assertThatThrownBy(() -> missing.load(null, true))
        .isInstanceOfSatisfying(XaiCamException.class,
            e -> assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_SETUP))
        .hasMessageContaining("models/nothing/weights.h5 are missing from the tool's jar");
  }

  @Test
  void theDemoWeightsArePresentAndLeaveNoTemporaryFileWhenUnreadable() throws IOException {
    // The class index is in the jar but is no HDF5 file: the read fails after the copy.
    WeightSource notHdf5 = new BundledWeights("/models/imagenet_class_index.json");
    assertThat(new BundledWeights(ModelCatalog.DEMO_WEIGHTS).status()).containsExactly(
        "weights: bundled in the tool's jar as models/demo/weights.h5 (present)");
    assertThatThrownBy(() -> notHdf5.load(null, true)).isInstanceOf(XaiCamException.class);
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".xai-cam-tmp-" + ProcessHandle.current().pid() + "-"));
    }
  }

  @Test
  void anExplicitFileGoesFirstAndMustExist() {
    Path missing = Path.of("/nonexistent/w.h5");
    assertThatThrownBy(() -> new BundledWeights(ModelCatalog.DEMO_WEIGHTS).load(missing, true))
        .isInstanceOfSatisfying(XaiCamException.class,
            e -> assertThat(e.exitCode()).isEqualTo(XaiCamException.EXIT_USAGE))
        .hasMessage("--weights /nonexistent/w.h5: no such file");
  }
}
