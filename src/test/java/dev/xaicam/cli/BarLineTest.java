package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BarLineTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final BarLine line = new BarLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void whileHiddenTheBarDrawsNothingAndShowDrawsItsLatestState() {
    line.accept("xai-cam 10% 1/10");
    line.hide();
    int afterHide = printed().length();
    line.accept("xai-cam 20% 2/10"); // the bar's refresh thread, while a line is being printed
    assertThat(printed()).hasSize(afterHide);

    line.show();

    String shown = printed().substring(afterHide);
    assertThat(shown).contains("xai-cam 20% 2/10").doesNotContain("1/10");
  }

  @Test
  void hideErasesTheBarsLineSoTheNextLineStartsClean() {
    line.accept("xai-cam 10% 1/10");

    line.hide();

    assertThat(printed()).endsWith("\r\u001b[K");
  }
}
