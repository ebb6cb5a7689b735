package dev.xaicam.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory as Linux reports it in {@code /proc/self/status}: native
 * tensors live outside the Java heap, so only the resident set shows them.
 */
final class ProcessMemory {
  /** Where Linux reports the process's memory. */
  private static final Path STATUS = Path.of("/proc/self/status");
  /** Writing "5" here resets the peak resident set (VmHWM) to the current one (Linux 4.0+). */
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  /** Static functions only. */
  private ProcessMemory() {}

  /** Resident set now, in bytes; -1 where {@code /proc} is unavailable. */
  static long residentBytes() {
    return field(readStatus(), "VmRSS");
  }

  /** Peak resident set since start or since the last {@link #resetPeak()}, in bytes; -1 if unknown. */
  static long peakResidentBytes() {
    return field(readStatus(), "VmHWM");
  }

  /**
   * Resets the peak resident set to the current one, so the next {@link #peakResidentBytes()}
   * covers only what ran in between.
   *
   * @return whether the kernel accepted the reset
   */
  static boolean resetPeak() {
    try {
      Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** Java heap in use after asking for a full collection, in bytes. */
  static long heapUsedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /**
   * A size field of a {@code /proc/<pid>/status} text such as {@code "VmRSS:  123 kB"}, in bytes;
   * -1 when the field is absent or unreadable.
   */
  static long field(String status, String name) {
    if (status == null) {
      return -1;
    }
    for (String line : status.split("\n")) {
      if (line.startsWith(name + ":")) {
        String[] parts = line.substring(name.length() + 1).trim().split("\\s+");
        try {
          long value = Long.parseLong(parts[0]);
          return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** The status text, or null off Linux. */
  private static String readStatus() {
    try {
      return Files.readString(STATUS, StandardCharsets.US_ASCII);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
