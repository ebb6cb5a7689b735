package dev.xaicam.bench;

/**
 * One timed case.
 *
 * @param what "forward" or a method name
 * @param batchSize images per forward pass (and masks per Score-CAM pass)
 * @param images images timed
 * @param secondsPerImage median (gradient methods, forward) or mean time per image
 * @param timesForward this case over the plain forward pass at the same batch size (for
 *     gradient methods a forward pass timed just before each repeat, so load on a shared
 *     machine cancels out); null for the forward pass itself
 * @param peakRssBytes peak resident memory of the process during the case; -1 if unknown
 */
public record Timing(String what, int batchSize, int images, double secondsPerImage,
    Double timesForward, long peakRssBytes) {}
