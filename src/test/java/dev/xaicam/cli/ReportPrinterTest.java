package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.explain.BatchRun;
import dev.xaicam.output.ImageReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPrinterTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void eachReportLineIsInTheFileAsSoonAsTheImageFinishesAndARerunAppends() throws Exception {
    Path report = Files.writeString(dir.resolve("run.jsonl"), "{\"earlier\":true}\n");
    try (ReportPrinter printer = new ReportPrinter(new PrintWriter(out), new PrintWriter(err), false, true, report)) {
      printer.finished(ImageReport.skipped(Path.of("a.png")));

      List<String> lines = Files.readAllLines(report); // before close: flushed
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).isEqualTo("{\"earlier\":true}");
      assertThat(lines.get(1)).contains("\"input\":\"a.png\"").contains("\"status\":\"skipped\"");
    }
  }

  @Test
  void anInterruptedRunSaysHowManyImagesAreLeftAndHowToResumeEvenWithJson() {
    ReportPrinter printer = new ReportPrinter(new PrintWriter(out), new PrintWriter(err), true, false, null);

    printer.textSummary(new BatchRun.Summary(3, 1, 1, 2000, true, false), true, 12);

    assertThat(err.toString()).isEqualTo(
        "xai-cam: interrupted: 7 of 12 images left; rerun with --skip-existing to resume\n");
  }

  @Test
  void aFinishedTextRunPrintsItsCountsAndNoResumeHint() {
    ReportPrinter printer = new ReportPrinter(new PrintWriter(out), new PrintWriter(err), false, false, null);

    printer.textSummary(new BatchRun.Summary(2, 0, 1, 1500, false, true), true, 3);

    assertThat(err.toString()).isEqualTo("xai-cam: 2 explained, 0 skipped, 1 failed in 1.5 s (stopped: --fail-fast)\n");
  }
}
