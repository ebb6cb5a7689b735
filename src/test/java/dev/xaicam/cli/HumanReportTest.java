package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.output.ImageReport;
import dev.xaicam.output.ImageReport.ClassScore;
import dev.xaicam.output.ImageReport.HeatmapOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HumanReportTest {
  @Test
  void aSkippedImageGetsAPlainLineWithoutEmptyFieldsOrLayer() {
    assertThat(HumanReport.line(ImageReport.skipped(Path.of("img01.png"))))
        .isEqualTo("img01.png: skipped, its outputs exist");
  }

  @Test
  void anExplainedImageNamesClassProbabilityFilesLayerAndTime() {
    ClassScore tabby = new ClassScore(281, "tabby", 0.83f);
    ImageReport report = new ImageReport(Path.of("cat.png"), ImageReport.Status.OK, null, "block5_conv3",
        List.of(tabby), List.of(new HeatmapOutput("gradcam", tabby, Path.of("out/cat.gradcam.png"), null, null)), 412);

    assertThat(HumanReport.line(report))
        .isEqualTo("cat.png: tabby (281) p=0.830 [gradcam -> out/cat.gradcam.png] layer block5_conv3 (412 ms)");
  }
}
