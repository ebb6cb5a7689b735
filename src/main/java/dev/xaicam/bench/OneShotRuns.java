package dev.xaicam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Times the real command line as a user meets it: a fresh child process per run, from its start
 * to its exit (JVM start, native libraries, weights, one heatmap, files written). A warm case
 * runs once untimed first (the weight cache is converted, the files are in the page cache); a
 * cold case evicts the plan's files and the case's own from the page cache before each run.
 */
public final class OneShotRuns {
  /** Linux's clock ticks per second for {@code /proc/self/stat}'s times (USER_HZ, 100 everywhere). */
  private static final double TICKS_PER_SECOND = 100.0;

  private final OneShotPlan plan;
  private final Path scratch;
  private final Consumer<String> progress;

  /**
   * @param plan how to start the child
   * @param scratch a folder for the children's outputs and logs
   * @param progress told each case's result as a line
   */
  public OneShotRuns(OneShotPlan plan, Path scratch, Consumer<String> progress) {
    this.plan = plan;
    this.scratch = scratch;
    this.progress = progress;
  }

  /** {@code args} run once untimed, then {@code plan.runs()} times. */
  public OneShotTiming warm(String what, List<String> args) throws IOException {
    run(args);
    List<double[]> timed = new ArrayList<>();
    for (int i = 0; i < plan.runs(); i++) {
      timed.add(run(args));
    }
    return report(what, "warm", timed);
  }

  /**
   * {@code plan.runs()} runs of {@code args}, each after evicting the plan's files and
   * {@code ownFiles}; null (and a progress line saying why) when the files cannot be evicted.
   */
  public OneShotTiming cold(String what, List<String> args, List<Path> ownFiles) throws IOException {
    List<Path> files = new ArrayList<>(plan.coldFiles());
    files.addAll(ownFiles);
    List<double[]> timed = new ArrayList<>();
    for (int i = 0; i < plan.runs(); i++) {
      String failure = PageCache.evict(files);
      if (failure != null) {
        progress.accept(what + ", cold: not measured (" + failure + ")");
        return null;
      }
      timed.add(run(args));
    }
    return report(what, "cold", timed);
  }

  /** One child run: {wall seconds, CPU seconds or NaN, exit code}. */
  private double[] run(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(plan.command());
    command.addAll(args);
    Path log = scratch.resolve("one-shot.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(plan.environment());
    double cpuBefore = childrenCpuSeconds();
    long start = System.nanoTime();
    Process child = builder.start();
    int exit;
    try {
      exit = child.waitFor();
    } catch (InterruptedException e) {
      child.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while timing " + String.join(" ", args), e);
    }
    double wall = Timings.secondsSince(start);
    double cpu = childrenCpuSeconds() - cpuBefore;
    if (exit != 0) {
      List<String> lines = Files.readAllLines(log);
      progress.accept("one-shot run failed (exit " + exit + "): "
          + (lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)));
    }
    return new double[] {wall, cpu, exit};
  }

  /** The medians of {@code timed} as a timing, also told to the progress line. */
  private OneShotTiming report(String what, String pageCache, List<double[]> timed) {
    double[] walls = timed.stream().mapToDouble(t -> t[0]).toArray();
    double[] cpus = timed.stream().mapToDouble(t -> t[1]).toArray();
    int exit = timed.isEmpty() ? 0 : (int) timed.get(timed.size() - 1)[2];
    double wall = walls.length == 0 ? Double.NaN : Timings.median(walls);
    Double cpu = cpus.length == 0 || Double.isNaN(cpus[0]) ? null : Timings.median(cpus);
    progress.accept(String.format("%s, %s: %.2f s wall%s", what, pageCache, wall,
        cpu == null ? "" : String.format(", %.2f s CPU", cpu)));
    return new OneShotTiming(what, pageCache, timed.size(), wall, cpu, exit);
  }

  /**
   * CPU seconds of every child this process has waited for ({@code cutime + cstime} of
   * {@code /proc/self/stat}), or NaN off Linux.
   */
  static double childrenCpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 after the name.
      return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
