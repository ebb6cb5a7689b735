package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ChannelsLast: the data_format rule and the single-map input rule. */
class ChannelsLastTest {

  @Test
  void acceptsOnlyChannelsLast() {
    assertThatCode(() -> ChannelsLast.require(ConfigFixtures.config("Cropping2D", "{}")))
        .doesNotThrowAnyException();
    assertThatCode(() -> ChannelsLast.require(ConfigFixtures.config("Cropping2D",
        "{\"data_format\": \"channels_last\"}"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> ChannelsLast.require(ConfigFixtures.config("Cropping2D",
        "{\"data_format\": \"channels_first\"}")))
        .hasMessageContaining("layer 'layer' (Cropping2D)")
        .hasMessageContaining("only channels_last");
  }

  @Test
  void wantsOneMapInput() {
    LayerConfig c = ConfigFixtures.config("Cropping2D", "{}");
    assertThat(ChannelsLast.singleMap(c, List.of(new int[] {4, 5, 6}))).containsExactly(4, 5, 6);
    assertThatThrownBy(() -> ChannelsLast.singleMap(c, List.of(new int[] {4, 5})))
        .hasMessageContaining("(H, W, C) map input, got (4, 5)");
    assertThatThrownBy(() -> ChannelsLast.singleMap(c, List.of()))
        .hasMessageContaining("exactly one input, got 0");
  }
}
