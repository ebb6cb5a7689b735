package dev.xaicam.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.image.Colormap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MontageFileTest {
  @TempDir Path dir;

  @Test
  void probabilitiesPrintReadablyWhateverTheirSize() {
    assertThat(MontageFile.probabilityText(0.834)).isEqualTo("0.83");
    assertThat(MontageFile.probabilityText(0.01)).isEqualTo("0.01");
    assertThat(MontageFile.probabilityText(0.00123)).isEqualTo("1.2e-03");
  }

  @Test
  void writesNothingWhenNoImageWasExplained() {
    Path target = dir.resolve("figure.png");
    new MontageFile(target, 0.5, Colormap.JET, "").write();
    assertThat(target).doesNotExist();
  }
}
