package dev.xaicam.bench;

/**
 * Start-up costs, in seconds.
 *
 * @param engineLoad loading TensorFlow's native library (already extracted)
 * @param weightsLoad reading the HDF5 file, or generating random weights
 * @param weightsFromFile whether {@code weightsLoad} read a file
 * @param networkBuild copying the weights into native tensors
 * @param firstHeatmap the first Grad-CAM of one image (forward, backward, CAM; cold)
 * @param firstHeatmapSinceProcessStart process start to that heatmap, or null if unknown
 */
public record Startup(double engineLoad, double weightsLoad, boolean weightsFromFile,
    double networkBuild, double firstHeatmap, Double firstHeatmapSinceProcessStart) {}
