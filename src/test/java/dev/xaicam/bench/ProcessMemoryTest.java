package dev.xaicam.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
  private static final String STATUS = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  2048 kB\n"
      + "VmRSS:\t  1500 kB\nThreads:\t12\n";

  @Test
  void readsKibibyteFieldsAsBytes() {
    assertThat(ProcessMemory.field(STATUS, "VmHWM")).isEqualTo(2048L * 1024);
    assertThat(ProcessMemory.field(STATUS, "VmRSS")).isEqualTo(1500L * 1024);
  }

  @Test
  void matchesTheWholeFieldNameNotAPrefix() {
    assertThat(ProcessMemory.field("VmRSSx:\t 5 kB\nVmRSS:\t 7 kB\n", "VmRSS")).isEqualTo(7L * 1024);
  }

  @Test
  void unitlessFieldsAreTakenAsTheyAre() {
    assertThat(ProcessMemory.field(STATUS, "Threads")).isEqualTo(12);
  }

  @Test
  void missingOrUnreadableFieldsGiveMinusOne() {
    assertThat(ProcessMemory.field(STATUS, "VmSwap")).isEqualTo(-1);
    assertThat(ProcessMemory.field(null, "VmRSS")).isEqualTo(-1);
    assertThat(ProcessMemory.field("VmRSS:\t lots kB\n", "VmRSS")).isEqualTo(-1);
  }

  @Test
  void readsThisProcesssResidentSetAndAPeakNoLowerOnLinux() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux's /proc");
    long rss = ProcessMemory.residentBytes();
    long peak = ProcessMemory.peakResidentBytes();
    // A JVM is resident for at least a few megabytes; a misread field gives -1 or a kB count.
    assertThat(rss).isGreaterThan(1L << 20);
    assertThat(peak).isGreaterThanOrEqualTo(rss);
  }
}
