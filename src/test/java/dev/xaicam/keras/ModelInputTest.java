package dev.xaicam.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xaicam.XaiCamException;
import dev.xaicam.network.NodeSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image shape an input layer declares. */
class ModelInputTest {

  /** Keras 2's batch_input_shape and Keras 3's batch_shape; open sizes are null. */
  @Test
  void readsBothShapeKeysAndOpenSizes() throws Exception {
    ModelInput fixed = ModelInput.of(Path.of("m"), input("{\"batch_input_shape\": [null, 224, 224, 3]}"));
    ModelInput open = ModelInput.of(Path.of("m"), input("{\"batch_shape\": [null, null, null, 1]}"));

    assertThat(fixed).isEqualTo(new ModelInput(224, 224, 3));
    assertThat(fixed.hasFixedSize()).isTrue();
    assertThat(open).isEqualTo(new ModelInput(null, null, 1));
    assertThat(open.hasFixedSize()).isFalse();
  }

  /** A vector input is not an image. */
  @Test
  void rejectsNonImageInput() {
    assertThatThrownBy(() -> ModelInput.of(Path.of("m.h5"), input("{\"batch_shape\": [null, 1280]}")))
        .isInstanceOf(XaiCamException.class)
        .hasMessage("m.h5: input layer 'in' takes [null,1280], not a batch of images "
            + "(None, height, width, channels)");
  }

  /** No shape at all. */
  @Test
  void rejectsMissingShape() {
    assertThatThrownBy(() -> ModelInput.of(Path.of("m.h5"), input("{\"dtype\": \"float32\"}")))
        .isInstanceOf(XaiCamException.class)
        .hasMessage("m.h5: input layer 'in' declares no batch shape");
  }

  /** An input node with {@code config}. */
  private static NodeSpec input(String config) throws Exception {
    return new NodeSpec("in", "InputLayer", (ObjectNode) new ObjectMapper().readTree(config), List.of());
  }
}
