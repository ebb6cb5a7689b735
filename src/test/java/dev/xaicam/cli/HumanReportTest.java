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
        .isEqualTo("cat.png: tabby (281) p=0.830 -> out/cat.gradcam.png (412 ms)");
  }

  @Test
  void severalMethodsShareOneBracedNameAndEachClassGetsItsOwn() {
    ClassScore tabby = new ClassScore(281, "tabby", 0.5);
    ClassScore tiger = new ClassScore(282, "tiger cat", 0.25);
    List<HeatmapOutput> outputs = List.of(
        new HeatmapOutput("gradcam", tabby, Path.of("out/cat.gradcam.281.png"), null, null),
        new HeatmapOutput("gradcam++", tabby, Path.of("out/cat.gradcam++.281.png"), null, null),
        new HeatmapOutput("gradcam", tiger, Path.of("out/cat.gradcam.282.png"), null, null),
        new HeatmapOutput("gradcam++", tiger, Path.of("out/cat.gradcam++.282.png"), null, null));
    ImageReport report = new ImageReport(Path.of("cat.png"), ImageReport.Status.OK, null, "block5_conv3",
        List.of(tabby, tiger), outputs, 7);

    assertThat(HumanReport.line(report)).isEqualTo("cat.png: tabby (281) p=0.500 -> out/cat.{gradcam,gradcam++}.281.png;"
        + " tiger cat (282) p=0.250 -> out/cat.{gradcam,gradcam++}.282.png (7 ms)");
  }

  @Test
  void bracesNeverSplitAMethodsName() {
    assertThat(HumanReport.braced(List.of("o/x.gradcam.png", "o/x.scorecam.png"))).isEqualTo("o/x.{gradcam,scorecam}.png");
    assertThat(HumanReport.braced(List.of("o/x.layercam.png", "o/x.gradcam.png"))).isEqualTo("o/x.{layercam,gradcam}.png");
  }
}
