package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {

  @Test
  void controlCharactersBecomeEscapesAndEverythingElseStays() {
    assertThat(OneLine.of("in/two\nlines.png: not an image")).isEqualTo("in/two\\nlines.png: not an image");
    assertThat(OneLine.of("a\rb\tc\u001b[31md\u007f\u0085")).isEqualTo("a\\rb\\tc\\x1B[31md\\x7F\\x85");
    String plain = "caf\u00e9 \uFFFD \u732b.png: ok";
    assertThat(OneLine.of(plain)).isSameAs(plain);
  }
}
