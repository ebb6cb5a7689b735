package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link GraphSpec}: its checks, and giving an open input a size. */
class GraphSpecTest {

  /** An input with the given Keras shape key and value, then a Flatten. */
  private static GraphSpec spec(String key, String shape) throws Exception {
    ObjectNode config = (ObjectNode) new ObjectMapper().readTree("{\"" + key + "\":" + shape + "}");
    return new GraphSpec("m", List.of(new NodeSpec("in", "InputLayer", config, List.of()),
        new NodeSpec("flat", "Flatten", null, List.of("in"))), "flat", GraphSpec.KERAS_3);
  }

  @Test
  void anOpenInputGetsTheSizeAskedForUnderItsOwnKey() throws Exception {
    GraphSpec open = spec("batch_shape", "[null, null, null, 1]");

    GraphSpec sized = open.withInputSize(28, 30);

    assertThat(sized.nodes().get(0).config().get("batch_shape").toString()).isEqualTo("[null,28,30,1]");
    assertThat(open.nodes().get(0).config().get("batch_shape").toString())
        .as("the original is unchanged").isEqualTo("[null,null,null,1]");
    assertThat(sized.kerasMajorVersion()).isEqualTo(GraphSpec.KERAS_3);
    assertThat(ModelGraph.of(sized).inputShape()).containsExactly(28, 30, 1);
  }

  @Test
  void rejectsBadGraphsAndSizesNamingTheProblem() throws Exception {
    assertThatThrownBy(() -> spec("batch_input_shape", "[null, 4]").withInputSize(2, 2))
        .hasMessage("model 'm': input layer 'in' has no image shape to resize");
    assertThatThrownBy(() -> spec("batch_input_shape", "[null, 4, 4, 3]").withInputSize(0, 2))
        .hasMessage("input size must be positive, got 0x2");
    assertThatThrownBy(() -> new GraphSpec("m", List.of(new NodeSpec("a", "Flatten", null,
        List.of("b"))), "a")).hasMessage("model 'm': layer 'a' reads 'b', which is not an earlier layer");
  }
}
