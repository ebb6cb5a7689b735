package dev.xaicam.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child processes are a shell here: their arguments say how long to take and how to exit. */
class OneShotRunsTest {
  @TempDir Path dir;

  private final List<String> lines = new ArrayList<>();

  private OneShotRuns runs(int n, List<Path> coldFiles) {
    // $1: seconds to sleep, $2: exit code; every run appends a line to runs.txt.
    OneShotPlan plan = new OneShotPlan(List.of("sh", "-c",
        "echo run >> \"$RUNS\"; sleep \"$1\"; echo \"bad input $2\"; exit \"$2\"", "child"),
        Map.of("RUNS", dir.resolve("runs.txt").toString()), n, coldFiles);
    return new OneShotRuns(plan, dir, lines::add);
  }

  @Test
  void aWarmCaseRunsOnceUntimedThenTimesEachRunFromStartToExit() throws IOException {
    OneShotTiming t = runs(3, List.of()).warm("sleeper", List.of("0.3", "0"));

    assertThat(Files.readAllLines(dir.resolve("runs.txt"))).hasSize(4);
    assertThat(t.runs()).isEqualTo(3);
    assertThat(t.pageCache()).isEqualTo("warm");
    assertThat(t.wallSeconds()).isGreaterThanOrEqualTo(0.3);
    assertThat(t.exitCode()).isZero();
    assertThat(lines).singleElement().asString().startsWith("sleeper, warm: ");
  }

  @Test
  void aFailingChildIsReportedWithItsLastLine() throws IOException {
    OneShotTiming t = runs(1, List.of()).warm("broken", List.of("0", "3"));

    assertThat(t.exitCode()).isEqualTo(3);
    assertThat(lines).contains("one-shot run failed (exit 3): bad input 3");
  }

  @Test
  void aColdCaseEvictsTheFilesBeforeEveryRun() throws IOException {
    Path jar = Files.write(dir.resolve("some.jar"), new byte[8192]);

    OneShotTiming t = runs(2, List.of(jar)).cold("sleeper", List.of("0", "0"), List.of(dir));

    assertThat(Files.readAllLines(dir.resolve("runs.txt"))).hasSize(2);
    assertThat(t.pageCache()).isEqualTo("cold");
    assertThat(t.runs()).isEqualTo(2);
  }

  @Test
  void childrenCpuTimeGrowsWithAChildThatComputes() throws IOException {
    double before = OneShotRuns.childrenCpuSeconds();
    OneShotPlan busy = new OneShotPlan(List.of("sh", "-c",
        "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done"), Map.of(), 1, List.of());

    OneShotTiming t = new OneShotRuns(busy, dir, lines::add).warm("busy", List.of());

    assertThat(OneShotRuns.childrenCpuSeconds()).isGreaterThan(before);
    assertThat(t.cpuSeconds()).isGreaterThan(0.05);
  }
}
