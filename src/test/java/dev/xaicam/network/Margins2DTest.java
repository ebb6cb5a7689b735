package dev.xaicam.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Margins2D: the three Keras forms, the default and malformed values. */
class Margins2DTest {

  /** The margins read from {@code {"padding": json}}. */
  private static Margins2D read(String json) {
    return Margins2D.fromConfig(ConfigFixtures.config("ZeroPadding2D",
        "{\"padding\": " + json + "}"), "padding", 1);
  }

  @Test
  void readsEveryForm() {
    assertThat(read("null")).isEqualTo(new Margins2D(1, 1, 1, 1));
    assertThat(read("3")).isEqualTo(new Margins2D(3, 3, 3, 3));
    assertThat(read("[1, 2]")).isEqualTo(new Margins2D(1, 1, 2, 2));
    assertThat(read("[[0, 1], [2, 3]]")).isEqualTo(new Margins2D(0, 1, 2, 3));
    assertThat(read("[[0, 1], [2, 3]]").before()).containsExactly(0, 0, 2, 0);
    assertThat(read("[[0, 1], [2, 3]]").after()).containsExactly(0, 1, 3, 0);
  }

  @Test
  void refusesMalformedValues() {
    assertThatThrownBy(() -> read("[1, 2, 3]"))
        .hasMessageContaining("[[top, bottom], [left, right]]");
    assertThatThrownBy(() -> read("[[1], [2, 3]]")).hasMessageContaining("'padding'");
    assertThatThrownBy(() -> read("-1")).hasMessageContaining("must not be negative");
  }
}
