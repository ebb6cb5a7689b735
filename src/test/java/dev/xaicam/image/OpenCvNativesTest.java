package dev.xaicam.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("native")
class OpenCvNativesTest {
  @Test
  void aBackgroundLoadLeavesTheLibraryLoadedForTheFirstDecode() throws InterruptedException {
    OpenCvNatives.loadInBackground();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("xai-cam-opencv-load")) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    OpenCvNatives.ensureLoaded();
    assertThat(org.opencv.core.Core.getVersionString()).startsWith("4.9.0");
  }
}
