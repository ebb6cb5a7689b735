package dev.xaicam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xaicam.output.ImageReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProgressReportTest {
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final StringWriter out = new StringWriter();

  private ProgressReport report(int total) {
    ReportPrinter printer = new ReportPrinter(new PrintWriter(out), new PrintWriter(new StringWriter()), false, false,
        null);
    return new ProgressReport(ProgressReport.Mode.LOG, total, new PrintStream(log, true, StandardCharsets.UTF_8),
        printer);
  }

  @Test
  void skippedImagesDoNotMakeTheTimeLeftKnown() {
    ProgressReport progress = report(3);

    progress.finished(ImageReport.skipped(Path.of("a.png")));
    progress.finished(ImageReport.skipped(Path.of("b.png")));

    assertThat(progress.secondsLeft()).isEmpty();
  }

  @Test
  void theLastImageLogsTheCountAndEachReportIsPrintedFirst() {
    ProgressReport progress = report(2);

    progress.finished(ImageReport.skipped(Path.of("a.png")));
    progress.finished(ImageReport.skipped(Path.of("b.png")));

    assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("xai-cam: 2/2 images, time left not known yet\n");
    assertThat(out.toString()).isEqualTo("a.png: skipped, its outputs exist\nb.png: skipped, its outputs exist\n");
  }

  @Test
  void afterAnExplainedImageTheTimeLeftIsKnownAndNoneIsLeftAtTheEnd() {
    ProgressReport progress = report(1);

    progress.finished(ImageReport.failed(Path.of("a.png"), "a.png: not an image", 0));

    assertThat(progress.secondsLeft()).contains(0L);
  }
}
