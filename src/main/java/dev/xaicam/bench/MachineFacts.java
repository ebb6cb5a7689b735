package dev.xaicam.bench;

import dev.xaicam.engine.TensorRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** What the benchmark says about the machine: processor (from {@code /proc/cpuinfo}), cores, threads, Java. */
final class MachineFacts {
  private MachineFacts() {}

  /** The machine, and the model, weights and inputs {@code settings} ran with. */
  static Machine of(BenchSettings settings) {
    String cpuinfo = readOrNull(Path.of("/proc/cpuinfo"));
    String random = "random (seed " + settings.seed() + ")";
    return new Machine(Runtime.getRuntime().availableProcessors(), TensorRuntime.shared().intraOpThreads(),
        TensorRuntime.shared().interOpThreads(), cpuModel(cpuinfo), hasCpuFlag(cpuinfo, "avx2"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory(),
        settings.architecture().name(), settings.weights() == null ? random : settings.weights().toString(),
        settings.images().isEmpty() ? random : String.join(", ",
            settings.images().stream().map(p -> p.getFileName().toString()).toList()));
  }

  /** The first "model name" of a {@code /proc/cpuinfo} text, or "unknown". */
  static String cpuModel(String cpuinfo) {
    if (cpuinfo != null) {
      for (String line : cpuinfo.split("\n")) {
        if (line.startsWith("model name")) {
          int colon = line.indexOf(':');
          if (colon >= 0) {
            return line.substring(colon + 1).trim();
          }
        }
      }
    }
    return "unknown";
  }

  /** Whether the first "flags" line of a {@code /proc/cpuinfo} text lists {@code flag}. */
  static boolean hasCpuFlag(String cpuinfo, String flag) {
    if (cpuinfo != null) {
      for (String line : cpuinfo.split("\n")) {
        if (line.startsWith("flags")) {
          return Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
              .contains(flag);
        }
      }
    }
    return false;
  }

  /** A small text file's contents, or null if it cannot be read. */
  private static String readOrNull(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
