package dev.xaicam.bench;

/**
 * The soak: forward + backward + Grad-CAM over many images.
 *
 * @param images images run
 * @param batchSize images per pass
 * @param start memory after the first batch
 * @param end memory after the last batch
 */
public record Soak(int images, int batchSize, MemorySample start, MemorySample end) {}
