package dev.xaicam.keras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.network.GraphSpec;
import dev.xaicam.network.ModelWeights;
import dev.xaicam.network.NodeSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Keras generation a file's version names. */
class KerasModelTest {

  /** Leading digits of the version; unknown is 0, or 3 for an archive. */
  @ParameterizedTest
  @CsvSource({"2.4.0,HDF5,2", "3.15.1,KERAS_ARCHIVE,3", "1.2.2,HDF5,1", "unknown,HDF5,0",
      "unknown,KERAS_ARCHIVE,3", "2.13.1,KERAS_ARCHIVE,2", "99999.0,HDF5,0"})
  void majorVersion(String version, KerasFileFormat format, int major) {
    GraphSpec graph = new GraphSpec("m", List.of(new NodeSpec("in", "InputLayer", null, List.of())), "in");
    KerasModel model = new KerasModel(graph, new ModelWeights(Map.of()), format, version,
        new ModelInput(1, 1, 1));

    assertThat(model.kerasMajorVersion()).isEqualTo(major);
  }
}
