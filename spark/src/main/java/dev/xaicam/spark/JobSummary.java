package dev.xaicam.spark;

/**
 * How a job went, counted from its results table.
 *
 * @param ok images explained
 * @param skipped images skipped because their outputs existed
 * @param failed images that could not be explained (their rows say why)
 * @param rows rows of the results table
 * @param millis wall-clock time of the job on the driver
 */
public record JobSummary(long ok, long skipped, long failed, long rows, long millis) {}
