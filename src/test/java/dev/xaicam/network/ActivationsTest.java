package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xaicam.XaiCamException;
import org.junit.jupiter.api.Test;

/** The activation registry: names, what each gradient reads, and refusals naming the layer. */
class ActivationsTest {

  @Test
  void absentOrNullActivationIsLinear() {
    assertThat(parse("{}").isLinear()).isTrue();
    assertThat(parse("{\"activation\":null}").isLinear()).isTrue();
    assertThat(parse("{\"activation\":\"relu\"}").name()).isEqualTo("relu");
  }

  @Test
  void gradientsThatNeedThePreActivationSaySo() {
    assertThat(parse("{\"activation\":\"gelu\"}").needsInput()).isTrue();
    assertThat(parse("{\"activation\":\"swish\"}").needsInput()).isTrue();
    assertThat(parse("{\"activation\":\"softplus\"}").needsInput()).isTrue();
    assertThat(parse("{\"activation\":\"relu\"}").needsInput()).isFalse();
    assertThat(parse("{\"activation\":\"softmax\"}").needsInput()).isFalse();
  }

  @Test
  void unknownAndCustomActivationsAreOneSetupErrorNamingTheLayer() {
    assertThatThrownBy(() -> parse("{\"activation\":\"mish\"}"))
        .isInstanceOf(XaiCamException.class)
        .hasMessage("layer 'conv' (Conv2D): unknown activation 'mish'; supported activations: elu,"
            + " gelu, hard_sigmoid, linear, relu, relu6, selu, sigmoid, silu, softmax, softplus,"
            + " swish, tanh");
    assertThatThrownBy(() -> parse("{\"activation\":{\"class_name\":\"MyAct\"}}"))
        .isInstanceOf(XaiCamException.class)
        .hasMessageStartingWith("layer 'conv' (Conv2D): activation {\"class_name\":\"MyAct\"} is"
            + " a custom function");
  }

  /** The activation of a Conv2D config. */
  private static Activation parse(String config) {
    try {
      var node = new NodeSpec("conv", "Conv2D",
          (com.fasterxml.jackson.databind.node.ObjectNode)
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(config),
          java.util.List.of());
      return Activations.parse(new LayerConfig(node, GraphSpec.KERAS_2), "activation");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(config, e);
    }
  }
}
