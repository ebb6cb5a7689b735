package dev.xaicam.bench;

/**
 * One kind of one-shot run of the real command line in a child process, timed from process start
 * to exit.
 *
 * @param what what ran, e.g. "vgg16, one image"
 * @param pageCache "warm" (files already read once) or "cold" (evicted from the page cache first)
 * @param runs timed runs
 * @param wallSeconds median wall-clock time
 * @param cpuSeconds median CPU time (user + system) of the child, or null where unknown
 * @param exitCode the last run's exit code (0 unless something failed)
 */
public record OneShotTiming(String what, String pageCache, int runs, double wallSeconds,
    Double cpuSeconds, int exitCode) {}
