package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TargetSize: required, positive height and width. */
class TargetSizeTest {

  @Test
  void readsHeightAndWidth() {
    assertThat(TargetSize.fromConfig(ConfigFixtures.config("Resizing",
        "{\"height\": 224, \"width\": 160}"))).containsExactly(224, 160);
    assertThatThrownBy(() -> TargetSize.fromConfig(ConfigFixtures.config("Resizing",
        "{\"width\": 160}"))).hasMessageContaining("are required");
    assertThatThrownBy(() -> TargetSize.fromConfig(ConfigFixtures.config("Resizing",
        "{\"height\": 0, \"width\": 160}"))).hasMessageContaining("must be positive");
  }
}
