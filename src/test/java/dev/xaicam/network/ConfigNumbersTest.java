package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ConfigNumbers: numbers, nested lists, Keras 3 wrapped arrays and per-channel expansion. */
class ConfigNumbersTest {

  /** The numbers read from {@code {"scale": json}}. */
  private static double[] read(String json) {
    return ConfigNumbers.read(ConfigFixtures.config("Rescaling", "{\"scale\": " + json + "}"),
        "scale");
  }

  @Test
  void readsEveryForm() {
    assertThat(read("null")).isNull();
    assertThat(read("0.5")).containsExactly(0.5);
    assertThat(read("[[[1, 2, 3]]]")).containsExactly(1, 2, 3);
    assertThat(read("{\"class_name\": \"__tensor__\", \"config\": {\"value\": [4, 5], "
        + "\"dtype\": \"float32\"}}")).containsExactly(4, 5);
    assertThatThrownBy(() -> read("[]")).hasMessageContaining("a number or a list of numbers");
    assertThatThrownBy(() -> read("{\"class_name\": \"Constant\"}"))
        .hasMessageContaining("'scale'");
  }

  @Test
  void expandsToOnePerChannel() {
    LayerConfig c = ConfigFixtures.config("Rescaling", "{}");
    assertThat(ConfigNumbers.perChannel(c, "scale", new double[] {2}, 3)).containsExactly(2, 2, 2);
    assertThat(ConfigNumbers.perChannel(c, "scale", new double[] {1, 2, 3}, 3))
        .containsExactly(1, 2, 3);
    assertThatThrownBy(() -> ConfigNumbers.perChannel(c, "scale", new double[] {1, 2}, 3))
        .hasMessageContaining("has 2 values");
  }
}
